<?php
// Installs WordPress into an empty database, writes a newsroom's worth of content through WordPress's own API and
// exports it with WordPress's own export_wp(). Run by make-export.sh: php make-export.php WP_DIR PHOTOS_DIR OUT_FILE
[$self, $wpDir, $photos, $out] = $argv;
define('WP_INSTALLING', true);
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SERVER_NAME'] = 'www.defencetalks.example';
$_SERVER['REQUEST_URI'] = '/';
require $wpDir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/export.php';

function must($result, $what) {
    if (is_wp_error($result) || !$result) {
        fwrite(STDERR, "failed: $what " . (is_wp_error($result) ? $result->get_error_message() : '') . "\n");
        exit(1);
    }
    return $result;
}

$installed = wp_install('Defence Talks', 'editor-in-chief', 'chief@defencetalks.example', true, '', wp_generate_password(24));
$chief = $installed['user_id'];
wp_update_user(['ID' => $chief, 'display_name' => 'Maria Kowalska', 'first_name' => 'Maria', 'last_name' => 'Kowalska',
    'description' => 'Editor-in-chief. Covered NATO summits for twenty years.']);
// An administrator may write any HTML (unfiltered_html), so the export carries scripts as a real site's would.
wp_set_current_user($chief);
update_option('blogdescription', 'Defense News Military Pictures');
update_option('timezone_string', 'Europe/Berlin');
update_option('thread_comments', 1);
update_option('thread_comments_depth', 5);
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%day%/%postname%/');
$wp_rewrite->set_category_base('');
$wp_rewrite->set_tag_base('');

$zoe = must(wp_insert_user(['user_login' => 'zoe', 'user_pass' => wp_generate_password(24), 'user_email' => 'zoe@defencetalks.example',
    'display_name' => 'Zoë Åberg', 'first_name' => 'Zoë', 'last_name' => 'Åberg', 'user_nicename' => 'zoe-aberg',
    'description' => 'Naval correspondent in Göteborg.', 'role' => 'author']), 'user zoe');

// Nested categories: Land > Armour > Main battle tanks; Air; Naval. The default "Uncategorized" stays.
$land = must(wp_insert_term('Land', 'category', ['slug' => 'land', 'description' => 'Armies and land systems.']), 'land')['term_id'];
$armour = must(wp_insert_term('Armour', 'category', ['slug' => 'armour', 'parent' => $land]), 'armour')['term_id'];
$mbt = must(wp_insert_term('Main battle tanks', 'category', ['slug' => 'main-battle-tanks', 'parent' => $armour]), 'mbt')['term_id'];
$air = must(wp_insert_term('Air', 'category', ['slug' => 'air']), 'air')['term_id'];
$naval = must(wp_insert_term('Naval', 'category', ['slug' => 'naval', 'description' => 'Navies, ships and submarines.']), 'naval')['term_id'];

function attach($file, $parent, $title, $caption, $alt, $description, $date) {
    $upload = wp_upload_bits(basename($file), null, file_get_contents($file), '2024/03');
    must(empty($upload['error']), 'upload ' . $file . ' ' . $upload['error']);
    $id = must(wp_insert_attachment(['post_title' => $title, 'post_excerpt' => $caption, 'post_content' => $description,
        'post_mime_type' => 'image/jpeg', 'post_status' => 'inherit', 'post_date' => $date, 'post_author' => 1], $upload['file'], $parent), 'attachment');
    wp_update_attachment_metadata($id, wp_generate_attachment_metadata($id, $upload['file']));
    update_post_meta($id, '_wp_attachment_image_alt', $alt);
    return $id;
}

// 1. Classic editor: HTML with [caption], [gallery], [embed], [audio], an unknown shortcode and a script.
$leopard = must(wp_insert_post(['post_title' => 'Leopard 2A8 enters service — Panzerbataillon 203 receives first tanks',
    'post_name' => 'leopard-2a8-enters-service', 'post_status' => 'publish', 'post_author' => $chief,
    'post_date' => '2024-03-12 09:30:00', 'post_excerpt' => 'The Bundeswehr’s newest tank reaches its first battalion.',
    'post_category' => [$mbt], 'tags_input' => ['Bundeswehr', 'Leopard 2', 'Größenordnung'], 'post_content' => 'placeholder']), 'leopard');
$tank = attach("$photos/tank.jpg", $leopard, 'Leopard 2A8 at Augustdorf', 'Photo: Jane Doe / Reuters', 'A Leopard 2A8 tank on a firing range',
    'The first series tank at the Augustdorf range.', '2024-03-12 09:00:00');
$jet = attach("$photos/jet.jpg", $leopard, 'Eurofighter over Laage', 'A Eurofighter Typhoon on approach.', 'A grey jet in the sky', '', '2024-03-12 09:05:00');
$tankUrl = wp_get_attachment_url($tank);
wp_update_post(['ID' => $leopard, 'post_content' => <<<HTML
The German Army took delivery of its first <strong>Leopard 2A8</strong> tanks on Tuesday in Augustdorf, where Panzerbataillon 203 is based.

[caption id="attachment_$tank" align="aligncenter" width="320"]<img class="size-full wp-image-$tank" src="$tankUrl" alt="A Leopard 2A8 tank on a firing range" width="320" height="200" /> Photo: Jane Doe / Reuters[/caption]

<h2>What changes</h2>
The 2A8 adds an active protection system and a new <em>fire-control</em> computer. Crews said:
<blockquote>“It is a different tank to fight in.”</blockquote>
<ul>
 	<li>Trophy active protection</li>
 	<li>Improved mine protection</li>
</ul>
[gallery ids="$tank,$jet" columns="2"]

[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]

[audio mp3="https://www.defencetalks.example/wp-content/uploads/2024/03/briefing.mp3"][/audio]

[contact-form-7 id="12" title="Tips"]
<script>alert('owned')</script><img src="x" onerror="alert(1)">
HTML]);
set_post_thumbnail($leopard, $tank);

// 2. Block editor: paragraphs, heading, list, quote, pullquote, image, table, embed and a block nobody knows.
$frigate = must(wp_insert_post(['post_title' => 'Frigate F127: the navy signs for six ships', 'post_name' => 'frigate-f127-contract',
    'post_status' => 'publish', 'post_author' => $zoe, 'post_date' => '2024-03-14 16:45:00', 'post_category' => [$naval],
    'tags_input' => ['Bundeswehr', 'Shipbuilding'], 'post_content' => 'placeholder']), 'frigate');
$ship = attach("$photos/frigate.jpg", $frigate, 'F127 rendering', 'Photo: TKMS', 'A computer rendering of a grey frigate',
    'Artist’s impression of the F127.', '2024-03-14 16:00:00');
$shipUrl = wp_get_attachment_url($ship);
wp_update_post(['ID' => $frigate, 'post_content' => <<<HTML
<!-- wp:paragraph -->
<p>The Bundestag's budget committee approved six <a href="https://www.bundestag.example/f127">F127 frigates</a> for about €26 billion.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2>Air defence at sea</h2>
<!-- /wp:heading -->

<!-- wp:image {"id":$ship,"sizeSlug":"full","linkDestination":"none"} -->
<figure class="wp-block-image size-full"><img src="$shipUrl" alt="A computer rendering of a grey frigate" class="wp-image-$ship"/><figcaption>Photo: TKMS</figcaption></figure>
<!-- /wp:image -->

<!-- wp:list {"ordered":true} -->
<ol><li>Aegis combat system</li><li>SPY-7 radar</li></ol>
<!-- /wp:list -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>Die Marine braucht diese Schiffe.</p><cite>Inspekteur der Marine</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:pullquote -->
<figure class="wp-block-pullquote"><blockquote><p>Six ships, one decade.</p></blockquote></figure>
<!-- /wp:pullquote -->

<!-- wp:table -->
<figure class="wp-block-table"><table><thead><tr><th>Ship</th><th>Delivery</th></tr></thead><tbody><tr><td>F127-1</td><td>2034</td></tr><tr><td>F127-2</td><td>2035</td></tr></tbody></table></figure>
<!-- /wp:table -->

<!-- wp:embed {"url":"https://twitter.com/DeutscheMarine/status/1","type":"rich","providerNameSlug":"twitter"} -->
<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper">
https://twitter.com/DeutscheMarine/status/1
</div></figure>
<!-- /wp:embed -->

<!-- wp:jetpack/subscriptions -->
<div class="wp-block-jetpack-subscriptions">Subscribe</div>
<!-- /wp:jetpack/subscriptions -->
HTML]);
set_post_thumbnail($frigate, $ship);

// 3. Other statuses.
$air1 = must(wp_insert_post(['post_title' => 'Eurofighter Tranche 5 ordered', 'post_status' => 'publish', 'post_author' => $chief,
    'post_date' => '2024-02-01 08:00:00', 'post_category' => [$air], 'post_content' => "Twenty new jets for the Luftwaffe.\n\nDelivery starts in 2030."]), 'air1');
must(wp_insert_post(['post_title' => 'F-35 arrives at Büchel', 'post_name' => 'f-35-buchel', 'post_status' => 'future', 'post_author' => $zoe,
    'post_date' => '2099-06-01 10:00:00', 'post_category' => [$air], 'post_content' => 'Scheduled: the first F-35A lands in Büchel.']), 'future');
must(wp_insert_post(['post_title' => 'Draft: procurement reform', 'post_status' => 'draft', 'post_author' => $chief,
    'post_category' => [$land], 'post_content' => 'Notes on the procurement acceleration law.']), 'draft');
must(wp_insert_post(['post_title' => 'Pending: Boxer RCT30 trials', 'post_status' => 'pending', 'post_author' => $zoe,
    'post_category' => [$armour], 'post_content' => 'Trials at Munster continue.']), 'pending');
must(wp_insert_post(['post_title' => 'Private: editorial meeting notes', 'post_status' => 'private', 'post_author' => $chief,
    'post_content' => 'Not for readers.']), 'private');
$trash = must(wp_insert_post(['post_title' => 'Trashed: duplicate story', 'post_status' => 'publish', 'post_author' => $chief,
    'post_date' => '2024-01-05 12:00:00', 'post_content' => 'A duplicate.']), 'trash');
wp_trash_post($trash);

// 4. Pages: a published page with a child, and a draft page.
$about = must(wp_insert_post(['post_type' => 'page', 'post_title' => 'About Defence Talks', 'post_name' => 'about', 'post_status' => 'publish',
    'post_author' => $chief, 'post_date' => '2023-01-01 00:00:00', 'post_content' => "<!-- wp:paragraph -->\n<p>We report on defence in Europe since 2012.</p>\n<!-- /wp:paragraph -->"]), 'about');
must(wp_insert_post(['post_type' => 'page', 'post_title' => 'Contact', 'post_name' => 'contact', 'post_status' => 'publish', 'post_parent' => $about,
    'post_author' => $chief, 'post_date' => '2023-01-01 00:00:00', 'post_content' => 'Write to <a href="mailto:desk@defencetalks.example">desk@defencetalks.example</a>.']), 'contact');
must(wp_insert_post(['post_type' => 'page', 'post_title' => 'Advertise with us', 'post_status' => 'draft', 'post_author' => $chief,
    'post_content' => 'Rates to follow.']), 'draft page');

// 5. Comments on the Leopard story: a thread three deep, and one in every status, plus a pingback and a trackback.
function comment($post, $parent, $name, $email, $url, $text, $approved, $date, $type = 'comment') {
    return must(wp_insert_comment(['comment_post_ID' => $post, 'comment_parent' => $parent, 'comment_author' => $name,
        'comment_author_email' => $email, 'comment_author_url' => $url, 'comment_content' => $text, 'comment_approved' => $approved,
        'comment_date' => $date, 'comment_date_gmt' => get_gmt_from_date($date), 'comment_author_IP' => '203.0.113.' . rand(1, 254),
        'comment_type' => $type, 'comment_agent' => 'Mozilla/5.0']), "comment by $name");
}
$c1 = comment($leopard, 0, 'Jürgen Schmidt', 'juergen@example.org', 'https://juergen.example.org', 'Finally! How many will the battalion get?', '1', '2024-03-12 10:02:00');
$c2 = comment($leopard, $c1, 'Maria Kowalska', 'chief@defencetalks.example', '', "Forty-four in the first batch.\nMore next year.", '1', '2024-03-12 10:30:00');
comment($leopard, $c2, 'Jürgen Schmidt', 'juergen@example.org', '', 'Thanks — that is more than I thought.', '1', '2024-03-12 11:00:00');
comment($leopard, 0, 'Åsa Lindqvist', 'asa@example.se', '', 'Sweden ordered the same model (Strv 123C).', '1', '2024-03-12 12:00:00');
comment($leopard, 0, 'Held Reader', 'held@example.org', '', 'Waiting for moderation.', '0', '2024-03-12 13:00:00');
comment($leopard, 0, 'Cheap Pills', 'spam@example.com', 'https://spam.example.com', 'Buy now!!!', 'spam', '2024-03-12 14:00:00');
comment($leopard, 0, 'Binned', 'binned@example.org', '', 'Off-topic rant.', 'trash', '2024-03-12 15:00:00');
comment($leopard, 0, 'Other Blog', '', 'https://otherblog.example/leopard', '[…] Defence Talks reports the Leopard 2A8 […]', '1', '2024-03-13 08:00:00', 'pingback');
comment($leopard, 0, 'Tank Weekly', '', 'https://tankweekly.example/2a8', 'Tank Weekly links here.', '1', '2024-03-13 09:00:00', 'trackback');
comment($frigate, 0, 'Zoë Fan', 'fan@example.org', '', 'Great reporting, Zoë.', '1', '2024-03-15 08:00:00');
wp_update_comment_count_now($leopard);
wp_update_comment_count_now($frigate);

ob_start();
export_wp(['content' => 'all']);
$xml = ob_get_clean();
file_put_contents($out, $xml);
fwrite(STDOUT, "exported " . strlen($xml) . " bytes\n");
