#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2, in the shape WordPress 6.1's export_wp() writes, see
src/test/resources/wordpress/export.xml) of POSTS posts, COMMENTS comments and ATTACHMENTS photos, and an uploads folder
with one small JPEG per attachment. Usage: wxr-generate.py OUT_DIR [POSTS COMMENTS ATTACHMENTS]"""
import os, shutil, sys

out = sys.argv[1]
posts = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
comments = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
attachments = int(sys.argv[4]) if len(sys.argv) > 4 else 2_000
here = os.path.dirname(os.path.abspath(__file__))
photo = os.path.join(here, "..", "src", "test", "resources", "wordpress", "uploads", "2024", "03", "tank.jpg")
site = "https://www.bench.example"
os.makedirs(os.path.join(out, "uploads", "2024", "01"), exist_ok=True)

def cdata(s):
    return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>"

with open(os.path.join(out, "export.xml"), "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            f'<title>Bench</title><link>{site}</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{site}</wp:base_site_url>'
            f'<wp:base_blog_url>{site}</wp:base_blog_url>\n')
    for a in range(1, 21):
        f.write(f'<wp:author><wp:author_id>{a}</wp:author_id><wp:author_login>{cdata("writer" + str(a))}</wp:author_login>'
                f'<wp:author_email>{cdata(f"writer{a}@bench.example")}</wp:author_email><wp:author_display_name>{cdata(f"Writer Nummer {a}")}'
                '</wp:author_display_name></wp:author>\n')
    for c in range(1, 11):
        f.write(f'<wp:category><wp:term_id>{c}</wp:term_id><wp:category_nicename>{cdata(f"section-{c}")}</wp:category_nicename>'
                f'<wp:category_parent>{cdata("")}</wp:category_parent><wp:cat_name>{cdata(f"Section {c}")}</wp:cat_name></wp:category>\n')
    for t in range(1, 201):
        f.write(f'<wp:tag><wp:term_id>{100 + t}</wp:term_id><wp:tag_slug>{cdata(f"topic-{t}")}</wp:tag_slug><wp:tag_name>{cdata(f"Topic {t}")}</wp:tag_name></wp:tag>\n')
    next_id = 1000
    attachment_ids = []
    for i in range(attachments):
        next_id += 1
        attachment_ids.append(next_id)
        name = f"photo-{i}.jpg"
        shutil.copyfile(photo, os.path.join(out, "uploads", "2024", "01", name))
        f.write(f'<item><title>{cdata(f"Photo {i}")}</title><link>{site}/photo-{i}/</link><dc:creator>{cdata("writer1")}</dc:creator>'
                f'<guid isPermaLink="false">{site}/wp-content/uploads/2024/01/{name}</guid><content:encoded>{cdata("")}</content:encoded>'
                f'<excerpt:encoded>{cdata(f"Photo: Photographer {i} / Agency")}</excerpt:encoded><wp:post_id>{next_id}</wp:post_id>'
                f'<wp:post_date>{cdata("2024-01-01 10:00:00")}</wp:post_date><wp:post_date_gmt>{cdata("2024-01-01 09:00:00")}</wp:post_date_gmt>'
                f'<wp:post_name>{cdata(f"photo-{i}")}</wp:post_name><wp:status>{cdata("inherit")}</wp:status><wp:post_parent>0</wp:post_parent>'
                f'<wp:post_type>{cdata("attachment")}</wp:post_type><wp:attachment_url>{cdata(f"{site}/wp-content/uploads/2024/01/{name}")}</wp:attachment_url>'
                f'<wp:postmeta><wp:meta_key>{cdata("_wp_attached_file")}</wp:meta_key><wp:meta_value>{cdata(f"2024/01/{name}")}</wp:meta_value></wp:postmeta>'
                f'<wp:postmeta><wp:meta_key>{cdata("_wp_attachment_image_alt")}</wp:meta_key><wp:meta_value>{cdata(f"Alt text {i}")}</wp:meta_value></wp:postmeta>'
                '</item>\n')
    comment_id = 0
    per_post = comments // posts
    extra = comments - per_post * posts
    for p in range(posts):
        next_id += 1
        day = 1 + p % 28
        month = 1 + (p // 28) % 12
        year = 1996 + p // 336  # 10,000 posts reach 2025: none in the future
        slug = f"story-number-{p}"
        blocks = p % 2 == 0
        text = (f"Paragraph one of story {p}, with <strong>bold</strong> and <a href=\"https://example.org/{p}\">a link</a>.")
        if blocks:
            body = (f'<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:heading -->\n<h2>Background</h2>\n<!-- /wp:heading -->\n\n'
                    '<!-- wp:list -->\n<ul><li>First point</li><li>Second point</li></ul>\n<!-- /wp:list -->\n\n'
                    '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>A quotation from someone.</p><cite>Someone</cite></blockquote>\n<!-- /wp:quote -->')
        else:
            body = f"{text}\n\nSecond paragraph of the classic editor.\nWith a line break.\n\n<h2>Background</h2>\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>"
        if attachments and p < attachments:
            a = attachment_ids[p]
            body += f'\n\n[caption id="attachment_{a}" width="300"]<img class="wp-image-{a}" src="{site}/wp-content/uploads/2024/01/photo-{p}.jpg" alt="x" /> Photo: P / A[/caption]'
        body = body * 3
        f.write(f'<item><title>{cdata(f"Story number {p}: a headline of ordinary length")}</title>'
                f'<link>{site}/{year}/{month:02d}/{day:02d}/{slug}/</link><dc:creator>{cdata("writer" + str(1 + p % 20))}</dc:creator>'
                f'<guid isPermaLink="false">{site}/?p={next_id}</guid><content:encoded>{cdata(body)}</content:encoded>'
                f'<excerpt:encoded>{cdata(f"Standfirst of story {p}.")}</excerpt:encoded><wp:post_id>{next_id}</wp:post_id>'
                f'<wp:post_date>{cdata(f"{year}-{month:02d}-{day:02d} 10:00:00")}</wp:post_date>'
                f'<wp:post_date_gmt>{cdata(f"{year}-{month:02d}-{day:02d} 09:00:00")}</wp:post_date_gmt>'
                f'<wp:post_modified_gmt>{cdata(f"{year}-{month:02d}-{day:02d} 09:00:00")}</wp:post_modified_gmt>'
                f'<wp:comment_status>{cdata("open")}</wp:comment_status><wp:post_name>{cdata(slug)}</wp:post_name>'
                f'<wp:status>{cdata("publish")}</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>{cdata("post")}</wp:post_type>'
                f'<wp:post_password>{cdata("")}</wp:post_password>'
                f'<category domain="category" nicename="section-{1 + p % 10}">{cdata(f"Section {1 + p % 10}")}</category>'
                f'<category domain="post_tag" nicename="topic-{1 + p % 200}">{cdata(f"Topic {1 + p % 200}")}</category>'
                f'<category domain="post_tag" nicename="topic-{1 + (p * 7) % 200}">{cdata(f"Topic {1 + (p * 7) % 200}")}</category>')
        if attachments and p < attachments:
            f.write(f'<wp:postmeta><wp:meta_key>{cdata("_thumbnail_id")}</wp:meta_key><wp:meta_value>{cdata(str(attachment_ids[p]))}</wp:meta_value></wp:postmeta>')
        first = comment_id + 1
        for c in range(per_post + (1 if p < extra else 0)):
            comment_id += 1
            parent = first if c % 3 == 2 else 0
            approved = "1" if c % 10 else "0"
            f.write(f'<wp:comment><wp:comment_id>{comment_id}</wp:comment_id><wp:comment_author>{cdata(f"Reader {comment_id % 977}")}</wp:comment_author>'
                    f'<wp:comment_author_email>{cdata(f"reader{comment_id % 977}@example.org")}</wp:comment_author_email>'
                    f'<wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP>{cdata("198.51.100." + str(comment_id % 250))}</wp:comment_author_IP>'
                    f'<wp:comment_date>{cdata(f"{year}-{month:02d}-{day:02d} 12:00:00")}</wp:comment_date>'
                    f'<wp:comment_date_gmt>{cdata(f"{year}-{month:02d}-{day:02d} 11:00:00")}</wp:comment_date_gmt>'
                    f'<wp:comment_content>{cdata(f"Comment {comment_id}: I read this story and have a view on it.")}</wp:comment_content>'
                    f'<wp:comment_approved>{cdata(approved)}</wp:comment_approved><wp:comment_type>{cdata("comment")}</wp:comment_type>'
                    f'<wp:comment_parent>{parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>')
        f.write('</item>\n')
    f.write('</channel>\n</rss>\n')
print(f"wrote {out}/export.xml ({posts} posts, {comments} comments, {attachments} attachments) and {out}/uploads")
