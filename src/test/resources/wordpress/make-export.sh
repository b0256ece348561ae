#!/usr/bin/env bash
# Makes export.xml and uploads/ in this folder with real WordPress: Debian's wordpress, mariadb-server, php-cli,
# php-mysql, php-gd and libimage-exiftool-perl (apt-get install them first). Needs no web server: make-export.php
# installs WordPress into a fresh database from PHP, writes content through WordPress's own API and exports it with
# export_wp(). Tests read the committed output; they never need WordPress.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"; rm -f /etc/wordpress/config-dispatchfixture.php' EXIT

service mariadb start >/dev/null 2>&1 || true
mysql -e "DROP DATABASE IF EXISTS wp_dispatch_fixture; CREATE DATABASE wp_dispatch_fixture CHARACTER SET utf8mb4;
          CREATE USER IF NOT EXISTS 'wpfixture'@'localhost' IDENTIFIED BY 'wpfixture';
          GRANT ALL ON wp_dispatch_fixture.* TO 'wpfixture'@'localhost';"

mkdir -p "$work/wp-content/uploads" "$work/photos"
cat > /etc/wordpress/config-dispatchfixture.php <<PHP
<?php
define('DB_NAME', 'wp_dispatch_fixture');
define('DB_USER', 'wpfixture');
define('DB_PASSWORD', 'wpfixture');
define('DB_HOST', 'localhost');
define('WP_CONTENT_DIR', '$work/wp-content');
define('WP_HOME', 'https://www.defencetalks.example');
define('WP_SITEURL', 'https://www.defencetalks.example');
define('WP_CONTENT_URL', 'https://www.defencetalks.example/wp-content');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('WP_ALLOW_MULTISITE', false);
PHP

# Small photos with camera EXIF and a GPS position, as a newsroom's camera would leave them.
php -r '
foreach ([["tank", 320, 200, [90, 110, 60]], ["frigate", 300, 200, [40, 80, 140]], ["jet", 240, 180, [150, 150, 170]]] as [$n, $w, $h, $c]) {
  $im = imagecreatetruecolor($w, $h);
  for ($x = 0; $x < $w; $x++) { imageline($im, $x, 0, $x, $h, imagecolorallocate($im, ($c[0] + $x) % 256, $c[1], ($c[2] + $x / 2) % 256)); }
  imagestring($im, 5, 10, 10, $n, imagecolorallocate($im, 255, 255, 255));
  imagejpeg($im, $argv[1] . "/" . $n . ".jpg", 85);
}' "$work/photos"
exiftool -q -overwrite_original -Make=Canon -Model="EOS R5" -Artist="Jane Doe" \
  -GPSLatitude=50.4501 -GPSLatitudeRef=N -GPSLongitude=30.5234 -GPSLongitudeRef=E "$work/photos/"*.jpg

WORDPRESS_CONFIG=dispatchfixture HTTP_HOST=www.defencetalks.example \
  php "$here/make-export.php" /usr/share/wordpress "$work/photos" "$here/export.xml"

rm -rf "$here/uploads"
cp -r "$work/wp-content/uploads" "$here/uploads"
mysql -e "DROP DATABASE wp_dispatch_fixture; DROP USER 'wpfixture'@'localhost';"
echo "wrote $here/export.xml and $here/uploads"
