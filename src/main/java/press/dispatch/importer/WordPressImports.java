package press.dispatch.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import press.dispatch.accounts.Accounts;
import press.dispatch.accounts.Role;
import press.dispatch.articles.ArticleArchive;
import press.dispatch.articles.ArticleDraft;
import press.dispatch.articles.ArticleStatus;
import press.dispatch.articles.Author;
import press.dispatch.articles.Editing;
import press.dispatch.articles.Newsdesk;
import press.dispatch.articles.Section;
import press.dispatch.articles.Sections;
import press.dispatch.articles.Tag;
import press.dispatch.comments.CommentArchive;
import press.dispatch.media.Credit;
import press.dispatch.media.MediaDetails;
import press.dispatch.media.MediaItem;
import press.dispatch.media.MediaLibrary;
import press.dispatch.pages.Page;
import press.dispatch.pages.PageDraft;
import press.dispatch.pages.StaticPages;
import press.dispatch.platform.PageCache;
import press.dispatch.platform.SqlTime;

/**
 * Imports a WordPress export, all or nothing: one transaction holds the whole run, so a refused, broken or truncated
 * export leaves the site exactly as it was (photos written on the way are removed again). The export is read twice as
 * a stream, never whole: first its authors, categories, tags and attachments, then its posts and pages with their
 * comments, which can then point at photos that come later in the file. What each WordPress object became is kept,
 * so a second run of the same export changes nothing and a newer export updates what changed.
 */
@Service
public class WordPressImports {

    private static final Logger log = LoggerFactory.getLogger(WordPressImports.class);
    private static final DateTimeFormatter WP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern CREDIT = Pattern.compile("(?i)^(.*?)[\\s.,;–—-]*\\b(?:photo|photos|foto|picture|image|credit)\\s*:\\s*([^/]+?)\\s*(?:/\\s*(.+?))?\\s*\\.?$",
            Pattern.DOTALL);
    private static final Pattern SIZE_FILES = Pattern.compile("s:4:\"file\";s:\\d+:\"([^\"]+)\"");

    /** Told how far a run has come, for a progress bar. */
    public interface Progress {
        void advanced(String phase, long bytesRead, long bytesTotal);

        Progress NONE = (phase, read, total) -> {
        };
    }

    private final ArticleArchive articles;
    private final Newsdesk newsdesk;
    private final Sections sections;
    private final CommentArchive comments;
    private final MediaLibrary media;
    private final StaticPages pages;
    private final Redirects redirects;
    private final PageCache pageCache;
    private final Accounts accounts;
    private final Editing editing;
    private final ImportedFiles importedFiles;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;

    WordPressImports(ArticleArchive articles, Newsdesk newsdesk, Sections sections, CommentArchive comments, MediaLibrary media, StaticPages pages,
                     Redirects redirects, PageCache pageCache, Accounts accounts, Editing editing, ImportedFiles importedFiles, JdbcClient jdbc, Clock clock,
                     PlatformTransactionManager transactions) {
        this.articles = articles;
        this.newsdesk = newsdesk;
        this.sections = sections;
        this.comments = comments;
        this.media = media;
        this.pages = pages;
        this.redirects = redirects;
        this.pageCache = pageCache;
        this.accounts = accounts;
        this.editing = editing;
        this.importedFiles = importedFiles;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Imports (or, for a dry run, only reports on) an export. Throws {@link ExportRefusedException} with nothing
     * imported when the export or the uploads cannot be read safely.
     *
     * @param uploads a folder or zip holding wp-content/uploads, or null
     */
    public ImportReport run(Path export, Path uploads, boolean dryRun, Progress progress) {
        return run(export, uploads, dryRun, StaffInvitations.NONE, progress);
    }

    /** {@link #run(Path, Path, boolean, Progress)} that also invites the chosen authors as staff (a dry run only reports who). */
    public ImportReport run(Path export, Path uploads, boolean dryRun, StaffInvitations invitations, Progress progress) {
        return run(record(export.getFileName().toString(), dryRun), export, uploads, dryRun, invitations, progress);
    }

    /** Keeps a new run as running and returns its id, for {@link #run(long, Path, Path, boolean, Progress)}. */
    public long record(String fileName, boolean dryRun) {
        return jdbc.sql("INSERT INTO import_runs (file_name, dry_run, status, report, started_at) VALUES (:f, :d, 'running', '', :now) RETURNING id")
                .param("f", fileName.length() > 200 ? fileName.substring(0, 200) : fileName).param("d", dryRun)
                .param("now", SqlTime.of(clock.instant())).query(Long.class).single();
    }

    /** {@link #run(Path, Path, boolean, Progress)} for a run already recorded: its report (or why it failed) is kept with it. */
    public ImportReport run(long runId, Path export, Path uploads, boolean dryRun, StaffInvitations invitations, Progress progress) {
        try {
            ImportReport report = runOnce(export, uploads, dryRun, invitations, progress);
            finish(runId, "succeeded", report.text());
            return report;
        } catch (ExportRefusedException e) {
            finish(runId, "failed", "Refused: " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            log.warn("WordPress import {} failed: {}", runId, e.toString());
            finish(runId, "failed", "Failed, nothing was imported: " + e.getMessage());
            throw e;
        }
    }

    private void finish(long runId, String status, String report) {
        jdbc.sql("UPDATE import_runs SET status = :s, report = :r, finished_at = :now WHERE id = :id").param("id", runId).param("s", status)
                .param("r", report).param("now", SqlTime.of(clock.instant())).update();
    }

    public List<ImportRun> runs(int limit) {
        return jdbc.sql("SELECT id, file_name, dry_run, status, report, started_at, finished_at FROM import_runs ORDER BY id DESC LIMIT :limit")
                .param("limit", limit).query(this::importRun).list();
    }

    public Optional<ImportRun> findRun(long id) {
        return jdbc.sql("SELECT id, file_name, dry_run, status, report, started_at, finished_at FROM import_runs WHERE id = :id")
                .param("id", id).query(this::importRun).optional();
    }

    private ImportRun importRun(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ImportRun(rs.getLong("id"), rs.getString("file_name"), rs.getBoolean("dry_run"), rs.getString("status"), rs.getString("report"),
                SqlTime.read(rs, "started_at"), SqlTime.read(rs, "finished_at"));
    }

    private ImportReport runOnce(Path export, Path uploads, boolean dryRun, StaffInvitations invitations, Progress progress) {
        if (!Files.isRegularFile(export)) {
            throw new ExportRefusedException("There is no export file at " + export + ".");
        }
        ImportReport report = new ImportReport(dryRun);
        try (Uploads files = uploads == null ? Uploads.none() : Uploads.open(uploads)) {
            transaction.executeWithoutResult(status -> {
                Run run = new Run(report, files, dryRun, invitations);
                long size = size(export);
                read(export, run.firstPass(), "Reading authors, categories and photos", size, progress);
                run.structure();
                read(export, run.secondPass(), "Importing posts, pages and comments", size, progress);
                if (dryRun) {
                    status.setRollbackOnly();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!dryRun) {
            pageCache.purgeAll();
        }
        log.info("WordPress import of {} {}", export.getFileName(), dryRun ? "(dry run) reported" : "finished");
        return report;
    }

    private static long size(Path export) {
        try {
            return Files.size(export);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void read(Path export, Wxr.Visitor visitor, String phase, long total, Progress progress) {
        try (InputStream in = new FilterInputStream(Files.newInputStream(export)) {
            private long read;
            private long told;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    read += n;
                    if (read - told > 256 * 1024 || read == total) {
                        told = read;
                        progress.advanced(phase, read, total);
                    }
                }
                return n;
            }
        }) {
            WxrReader.read(in, visitor);
            progress.advanced(phase, total, total);
        } catch (IOException e) {
            throw new ExportRefusedException("The export could not be read: " + e.getMessage(), e);
        }
    }

    /** One run's state: what the export's ids became. */
    private final class Run {
        private final ImportReport report;
        private final Uploads files;
        private final boolean dryRun;
        private final StaffInvitations invitations;
        private final Map<String, Wxr.Author> authorsByLogin = new LinkedHashMap<>();
        private final Map<String, Wxr.Category> categories = new LinkedHashMap<>();
        private final List<Wxr.Tag> tags = new ArrayList<>();
        private final Map<String, Long> authorIds = new HashMap<>();
        private final Map<String, Long> sectionIds = new HashMap<>();
        private final Map<Long, BodyConversion.Photo> photosById = new HashMap<>();
        private final Map<Long, MediaItem> mediaById = new HashMap<>();
        private final Map<String, Long> photoIdsByFile = new HashMap<>();
        private final Map<Long, List<Long>> photosByParent = new HashMap<>();
        /** Uploads that are not photos, by their path under uploads (lower case): the new address, or the original URL. */
        private final Map<String, String> fileTargets = new HashMap<>();
        private Wxr.Site site = new Wxr.Site("", "", "", "", "");
        private Map<String, Known> seen;

        Run(ImportReport report, Uploads files, boolean dryRun, StaffInvitations invitations) {
            this.report = report;
            this.files = files;
            this.dryRun = dryRun;
            this.invitations = invitations;
        }

        /** The uploaded file's bytes; a file that cannot be read counts as missing (the report says so). */
        private Optional<byte[]> readOrNothing(String file) {
            try {
                return files.read(file);
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        Wxr.Visitor firstPass() {
            return new Wxr.Visitor() {
                @Override
                public void site(Wxr.Site s) {
                    site = s;
                }

                @Override
                public void author(Wxr.Author author) {
                    authorsByLogin.put(author.login(), author);
                }

                @Override
                public void category(Wxr.Category category) {
                    categories.put(category.slug(), category);
                }

                @Override
                public void tag(Wxr.Tag tag) {
                    tags.add(tag);
                }

                @Override
                public void item(Wxr.Item item) {
                    if (item.type().equals("attachment")) {
                        attachment(item);
                    }
                }
            };
        }

        Wxr.Visitor secondPass() {
            return new Wxr.Visitor() {
                @Override
                public void item(Wxr.Item item) {
                    switch (item.type()) {
                        case "post" -> post(item);
                        case "page" -> page(item);
                        case "attachment" -> {
                        }
                        default -> {
                            report.add("other items", "skipped");
                            report.unknown("post type " + item.type(), label(item));
                        }
                    }
                }
            };
        }

        // ---- authors, sections, tags

        void structure() {
            for (Wxr.Author a : authorsByLogin.values()) {
                String key = a.login();
                Optional<Long> known = known("author", key);
                if (known.isPresent()) {
                    authorIds.put(key, known.get());
                    report.add("authors", "unchanged");
                    continue;
                }
                String name = firstNonBlank(a.displayName(), (nz(a.firstName()) + " " + nz(a.lastName())).strip(), a.login());
                Author author = newsdesk.createAuthor(name.length() > 100 ? name.substring(0, 100) : name, "");
                authorIds.put(key, author.id());
                remember("author", key, author.id(), "");
                redirect("/author/" + a.login(), author.href(), "author");
                redirect("/author/" + a.login() + "/feed", author.href() + "/feed", "feed");
                if (a.id() != null && !a.id().isBlank()) {
                    redirect("/?author=" + a.id().strip(), author.href(), "author");
                }
                report.add("authors", "imported");
            }
            invite();
            if (!authorsByLogin.isEmpty()) {
                report.warn("WordPress exports no author biographies or passwords: bylines were created with names only; add bios under Bylines.");
            }
            Map<String, Section> existing = new HashMap<>();
            newsdesk.sections().forEach(s -> existing.put(s.slug(), s));
            for (Wxr.Category c : categories.values()) {
                if (nz(c.name()).isBlank()) {
                    report.add("categories", "skipped (no name)");
                    continue;
                }
                if (!nz(c.parentSlug()).isBlank() && categories.containsKey(c.parentSlug())) {
                    Tag tag = newsdesk.tagNamed(trim(c.name(), 60));
                    redirect("/category/" + categoryPath(c), tag.href(), "category");
                    redirect("/category/" + categoryPath(c) + "/feed", tag.href() + "/feed", "feed");
                    redirect("/category/" + c.slug(), tag.href(), "category");
                    termRedirect("cat", c.termId(), tag.href());
                    report.add("categories", "nested, became tags");
                    report.warn("Category \"" + c.name() + "\" is nested under \"" + categories.get(c.parentSlug()).name()
                            + "\": it became a tag, and its posts are filed in the top-level section.");
                    continue;
                }
                String slug = slug(c.slug().isBlank() ? c.name() : c.slug());
                Optional<Long> known = known("category", c.slug());
                Section section = existing.get(slug);
                if (known.isPresent() || section != null) {
                    if (section == null) {
                        section = newsdesk.sections().stream().filter(s -> s.id() == known.get()).findFirst().orElse(null);
                    }
                    if (section != null) {
                        sectionIds.put(c.slug(), section.id());
                        if (known.isEmpty()) {
                            remember("category", c.slug(), section.id(), "");
                            redirectCategory(c, section);
                        }
                        report.add("categories", "matched an existing section");
                        continue;
                    }
                }
                section = sections.create(trim(c.name(), 80), slug, trim(Jsoup.parse(nz(c.description())).text(), 500));
                existing.put(section.slug(), section);
                sectionIds.put(c.slug(), section.id());
                remember("category", c.slug(), section.id(), "");
                redirectCategory(c, section);
                report.add("categories", "imported as sections");
            }
            for (Wxr.Tag t : tags) {
                if (t.name().isBlank()) {
                    continue;
                }
                Tag tag = newsdesk.tagNamed(trim(t.name(), 60));
                redirect("/tag/" + t.slug(), tag.href(), "tag");
                redirect("/tag/" + t.slug() + "/feed", tag.href() + "/feed", "feed");
                termRedirect("tag", t.slug(), tag.href());
                report.add("tags", "imported");
            }
            redirect("/feed", "/feed", "feed");
            redirect("/feed/rss2", "/feed", "feed");
            redirect("/feed/atom", "/feed/atom", "feed");
            redirect("/comments/feed", "/comments/feed", "feed");
        }

        /** Each author is listed in the report with their login (what an invitation names) and what they became. */
        private void invite() {
            invitations.roles().keySet().stream().filter(login -> !authorsByLogin.containsKey(login)).forEach(login -> {
                report.add("invitations", "skipped (no such author)");
                report.warn("No author has the login “" + login + "” in this export, so nobody was invited for it.");
            });
            for (Wxr.Author a : authorsByLogin.values()) {
                String name = trim(firstNonBlank(a.displayName(), (nz(a.firstName()) + " " + nz(a.lastName())).strip(), a.login()), 100);
                String who = a.login() + " (" + name + (nz(a.email()).isBlank() ? "" : ", " + a.email().strip()) + ")";
                Role role = invitations.roles().get(a.login());
                if (role == null) {
                    report.author(who + ": byline only");
                    continue;
                }
                String label = role.label().toLowerCase(Locale.ROOT);
                Optional<String> refused = nz(a.email()).isBlank() ? Optional.of("the export has no email address for this author.")
                        : accounts.invitationRefused(invitations.by(), a.email(), name, role);
                if (refused.isPresent()) {
                    report.add("invitations", "skipped");
                    report.author(who + ": byline only, not invited as " + label + ": " + refused.get());
                    report.warn("Author " + a.login() + " was not invited: " + refused.get());
                } else if (dryRun) {
                    report.add("invitations", "to send");
                    report.author(who + ": byline, and an invitation as " + label);
                } else {
                    long staffId = accounts.invite(invitations.by(), a.email(), name, role);
                    Long byline = authorIds.get(a.login());
                    if (byline != null) {
                        editing.claimByline(byline, staffId);
                    }
                    report.add("invitations", "sent");
                    report.author(who + ": byline, and invited as " + label);
                }
            }
        }

        private void redirectCategory(Wxr.Category c, Section section) {
            redirect("/category/" + c.slug(), section.href(), "category");
            redirect("/category/" + c.slug() + "/feed", section.href() + "/feed", "feed");
            termRedirect("cat", c.termId(), section.href());
        }

        private void termRedirect(String query, String value, String target) {
            if (value != null && !value.isBlank()) {
                redirect("/?" + query + "=" + value.strip(), target, query.equals("cat") ? "category" : "tag");
            }
        }

        private String categoryPath(Wxr.Category c) {
            List<String> path = new ArrayList<>();
            Wxr.Category at = c;
            for (int guard = 0; at != null && guard < 20; guard++) {
                path.add(0, at.slug());
                at = nz(at.parentSlug()).isBlank() ? null : categories.get(at.parentSlug());
            }
            return String.join("/", path);
        }

        private Wxr.Category top(String slug) {
            Wxr.Category at = categories.get(slug);
            for (int guard = 0; at != null && guard < 20 && !nz(at.parentSlug()).isBlank() && categories.containsKey(at.parentSlug()); guard++) {
                at = categories.get(at.parentSlug());
            }
            return at;
        }

        // ---- attachments

        void attachment(Wxr.Item item) {
            String file = item.meta("_wp_attached_file").isBlank() ? uploadsPath(item.attachmentUrl()) : item.meta("_wp_attached_file");
            String key = key(item);
            String lowerName = file.toLowerCase(Locale.ROOT);
            boolean photo = lowerName.endsWith(".jpg") || lowerName.endsWith(".jpeg") || lowerName.endsWith(".png") || lowerName.endsWith(".gif")
                    || lowerName.endsWith(".webp") || lowerName.endsWith(".bmp");
            if (!photo) {
                otherFile(item, file, key);
                return;
            }
            Optional<Long> known = known("attachment", key);
            if (known.isPresent()) {
                media.find(known.get()).ifPresent(m -> photo(item, file, m));
                report.add("attachments", "unchanged");
                return;
            }
            if (!files.present()) {
                report.add("attachments", "skipped (no uploads given)");
                return;
            }
            Optional<byte[]> bytes = readOrNothing(file);
            if (bytes.isEmpty()) {
                report.add("attachments", "skipped (file missing)");
                report.warn("Attachment \"" + item.title() + "\": " + file + " is not in the uploads.");
                return;
            }
            String caption = plain(item.excerpt());
            Credited credited = credit(caption);
            String alt = trim(plain(item.meta("_wp_attachment_image_alt")), 500);
            MediaItem stored;
            try {
                stored = media.ingest(bytes.get(), file.substring(file.lastIndexOf('/') + 1),
                        new MediaDetails(trim(credited.caption(), 1000), alt, credited.credit()));
            } catch (RuntimeException e) {
                report.add("attachments", "skipped (not a readable photo)");
                report.warn("Attachment \"" + item.title() + "\" (" + file + ") could not be read as a photo: " + e.getMessage());
                return;
            }
            remember("attachment", key, stored.id(), "");
            photo(item, file, stored);
            String largest = stored.src(Integer.MAX_VALUE);
            redirect(item.link(), largest, "attachment");
            redirect("/?attachment_id=" + item.postId(), largest, "attachment");
            redirect(uploadsUrl(item.attachmentUrl(), file), largest, "attachment");
            Matcher sizes = SIZE_FILES.matcher(item.meta("_wp_attachment_metadata"));
            String folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
            while (sizes.find()) {
                if (!sizes.group(1).contains("/")) {
                    redirect(uploadsUrl(item.attachmentUrl(), folder + sizes.group(1)), largest, "attachment");
                }
            }
            if (!credited.credit().isEmpty()) {
                report.add("attachments", "imported with a credit from the caption");
            } else {
                report.add("attachments", "imported");
            }
        }

        /**
         * A PDF, audio, video or office file: kept and served at /files/… when it is of a kind on the allow-list and in
         * the uploads; otherwise skipped and listed with its original URL, which links in bodies keep pointing at.
         */
        private void otherFile(Wxr.Item item, String file, String key) {
            String original = item.attachmentUrl().isBlank() ? uploadsUrl("", file) : item.attachmentUrl().strip();
            Optional<Long> known = known("file", key);
            if (known.isPresent()) {
                Optional<ImportedFiles.StoredFile> stored = importedFiles.find(known.get());
                if (stored.isPresent()) {
                    fileTargets.put(uploadsPath(file).toLowerCase(Locale.ROOT), stored.get().href());
                    report.add("attachments", "unchanged");
                    return;
                }
            }
            String why;
            if (ImportedFiles.kindOf(file).isEmpty()) {
                why = "not a kind of file Dispatch serves";
            } else if (!files.present()) {
                why = "no uploads given";
            } else {
                Optional<byte[]> bytes = readOrNothing(file);
                if (bytes.isEmpty()) {
                    why = "not in the uploads";
                } else if (bytes.get().length > ImportedFiles.MAX_BYTES) {
                    why = "larger than " + ImportedFiles.MAX_BYTES / (1024 * 1024) + " MB";
                } else {
                    ImportedFiles.StoredFile stored = importedFiles.store(bytes.get(), file);
                    remember("file", key, stored.id(), "");
                    fileTargets.put(uploadsPath(file).toLowerCase(Locale.ROOT), stored.href());
                    redirect(item.link(), stored.href(), "attachment");
                    redirect("/?attachment_id=" + item.postId(), stored.href(), "attachment");
                    redirect(uploadsUrl(item.attachmentUrl(), file), stored.href(), "attachment");
                    report.add("attachments", "imported as files");
                    return;
                }
            }
            // Links to it keep the original absolute address: the old site (or an archive of it) may still serve the file.
            fileTargets.put(uploadsPath(file).toLowerCase(Locale.ROOT), original);
            report.add("attachments", "skipped (not photos, " + why + ")");
            report.warn("Attachment \"" + plain(item.title()) + "\" was not imported (" + why + "); links to it keep its original address " + original);
        }

        private void photo(Wxr.Item item, String file, MediaItem stored) {
            mediaById.put(item.postId(), stored);
            String caption = stored.caption();
            photosById.put(item.postId(), new BodyConversion.Photo(stored.src(1200), stored.altText(), caption));
            photoIdsByFile.put(baseFile(file), item.postId());
            dispatchPhoto(item.attachmentUrl()).ifPresent(k -> photoIdsByFile.put(k, item.postId()));
            if (item.parent() > 0) {
                photosByParent.computeIfAbsent(item.parent(), k -> new ArrayList<>()).add(item.postId());
            }
        }

        // ---- posts and pages

        void post(Wxr.Item item) {
            String status = item.status();
            if (status.equals("trash")) {
                report.add("posts", "skipped (in the trash)");
                return;
            }
            if (status.equals("auto-draft") || status.equals("inherit")) {
                report.add("posts", "skipped (" + status + ")");
                return;
            }
            Instant now = clock.instant();
            Instant published = time(item.dateGmt(), item.date());
            ArticleStatus target;
            switch (status) {
                case "publish" -> target = ArticleStatus.PUBLISHED;
                case "future" -> target = published != null && published.isAfter(now) ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED;
                case "private" -> {
                    target = ArticleStatus.DRAFT;
                    report.warn("\"" + item.title() + "\" was private in WordPress; it is a draft here.");
                }
                case "pending" -> {
                    target = ArticleStatus.DRAFT;
                    report.warn("\"" + item.title() + "\" was pending review in WordPress; it is a draft here.");
                }
                default -> target = ArticleStatus.DRAFT;
            }
            if (target != ArticleStatus.DRAFT && published == null) {
                published = time(item.modifiedGmt(), "");
            }
            if (target == ArticleStatus.PUBLISHED && published != null && published.isAfter(now)) {
                target = ArticleStatus.SCHEDULED;
            }
            if (!item.password().isEmpty() && target != ArticleStatus.DRAFT) {
                target = ArticleStatus.DRAFT;
                report.warn("\"" + item.title() + "\" was password-protected in WordPress; it is a draft here.");
            }
            BodyConversion.Result body = convert(item);
            String markdown = body.markdown().isBlank() ? "(This post had no text in WordPress.)" : body.markdown();
            if (markdown.length() > 200_000) {
                report.add("posts", "skipped (body too long)");
                report.warn("\"" + item.title() + "\" is longer than 200,000 characters after conversion and was skipped.");
                return;
            }
            Long sectionId = null;
            List<String> tagNames = new ArrayList<>();
            for (Wxr.Term term : item.terms()) {
                if (term.domain().equals("post_tag")) {
                    tagNames.add(trim(term.name(), 60));
                } else if (term.domain().equals("category")) {
                    Wxr.Category top = top(term.slug());
                    Long candidate = top == null ? null : sectionIds.get(top.slug());
                    if (sectionId == null && candidate != null) {
                        sectionId = candidate;
                    } else if (!categories.containsKey(term.slug()) || top != categories.get(term.slug()) || candidate != null) {
                        tagNames.add(trim(term.name(), 60));
                    }
                    if (top != null && top != categories.get(term.slug())) {
                        tagNames.add(trim(term.name(), 60));
                    }
                }
            }
            tagNames = tagNames.stream().filter(t -> !t.isBlank()).distinct().limit(30).toList();
            List<Long> bylines = Optional.ofNullable(authorIds.get(item.creator())).map(List::of).orElse(List.of());
            String headline = trim(plain(item.title()).isBlank() ? "Untitled" : plain(item.title()), 200);
            ArticleDraft draft = new ArticleDraft(headline, slug(item.name().isBlank() ? headline : item.name()), trim(plain(item.excerpt()), 600),
                    markdown, sectionId, bylines, tagNames, null, "", "", "", false, !item.commentStatus().equals("closed"));
            String thumbnail = item.meta("_thumbnail_id");
            if (!thumbnail.isBlank()) {
                MediaItem photo = mediaById.get(parseLong(thumbnail));
                if (photo != null) {
                    draft = draft.withFeaturedPhoto(photo.id(), trim(photo.caption(), 1000), trim(photo.credit().isEmpty() ? "" : photo.credit().line(), 300),
                            trim(photo.altText(), 500));
                } else {
                    report.warn("\"" + item.title() + "\": its featured image (attachment " + thumbnail.strip() + ") was not imported.");
                }
            }
            if (!draft.problems().isEmpty()) {
                report.add("posts", "skipped (cannot be saved)");
                report.warn(label(item) + " was skipped: " + String.join(" ", draft.problems().values()));
                return;
            }
            String key = key(item);
            String fingerprint = fingerprint(item);
            Instant modified = Optional.ofNullable(time(item.modifiedGmt(), "")).orElse(published == null ? now : published);
            if (published != null && modified.isBefore(published)) {
                modified = published;
            }
            Optional<Known> known = knownWithPrint("post", key);
            long id;
            if (known.isPresent() && known.get().fingerprint().equals(fingerprint)) {
                report.add("posts", "unchanged");
                comments(item, known.get().id());
                return;
            } else if (known.isPresent()) {
                id = known.get().id();
                articles.replace(id, draft, target, published, modified);
                remember("post", key, id, fingerprint);
                report.add("posts", "updated");
            } else {
                id = articles.restore(draft, target, published, published == null ? now : published, modified);
                remember("post", key, id, fingerprint);
                report.add("posts", target.name().toLowerCase(Locale.ROOT));
            }
            noteConversion(item, body);
            if (target != ArticleStatus.DRAFT) {
                String href = "/articles/" + articles.slugOf(id);
                redirect(item.link(), href, "post");
                redirect(item.link().replaceAll("/+$", "") + "/feed", href + "/feed", "feed");
                redirect("/?p=" + item.postId(), href, "post");
                if (item.guid().contains("?p=")) {
                    redirect(item.guid(), href, "post");
                }
            }
            comments(item, id);
        }

        void page(Wxr.Item item) {
            if (!item.status().equals("publish") && !item.status().equals("draft") && !item.status().equals("pending")
                    && !item.status().equals("private") && !item.status().equals("future")) {
                report.add("pages", "skipped (" + item.status() + ")");
                return;
            }
            String key = key(item);
            Optional<Known> known = knownWithPrint("page", key);
            if (known.isPresent()) {
                if (known.get().fingerprint().equals(fingerprint(item))) {
                    report.add("pages", "unchanged");
                } else {
                    updatePage(item, known.get().id());
                }
                return;
            }
            BodyConversion.Result body = convert(item);
            String title = trim(plain(item.title()).isBlank() ? "Untitled" : plain(item.title()), 200);
            String slug = slug(item.name().isBlank() ? title : item.name());
            // Checked before writing: a refusal inside the import's transaction would undo the whole import.
            Optional<String> refused = pages.slugRefused(slug);
            if (refused.isPresent()) {
                String wanted = slug;
                slug = slug(("page-" + slug).length() > 80 ? "page-" + slug.substring(0, 70) : "page-" + slug);
                Optional<String> again = pages.slugRefused(slug);
                if (again.isPresent()) {
                    report.add("pages", "skipped (address taken)");
                    report.warn("Page \"" + title + "\" was skipped: " + again.get());
                    return;
                }
                report.warn("Page \"" + title + "\" got the address /" + slug + ": " + refused.get() + " (wanted /" + wanted + ")");
            }
            if (body.markdown().length() > 200_000) {
                report.add("pages", "skipped (body too long)");
                return;
            }
            long id = pages.create(null, new PageDraft(title, slug, body.markdown()));
            remember("page", key, id, fingerprint(item));
            noteConversion(item, body);
            if (item.status().equals("publish")) {
                pages.publish(id);
                redirect(item.link(), "/" + slug, "page");
                redirect("/?page_id=" + item.postId(), "/" + slug, "page");
                report.add("pages", "published");
            } else {
                report.add("pages", "draft");
            }
            if (!item.comments().isEmpty()) {
                report.add("comments", "skipped (on pages, which have no comments here)");
            }
        }

        /** A page changed in WordPress since the last import: its text, title and status follow; its address here stays. */
        private void updatePage(Wxr.Item item, long id) {
            Optional<Page> existing = pages.find(id);
            if (existing.isEmpty()) {
                report.add("pages", "skipped (deleted here)");
                return;
            }
            Page page = existing.get();
            BodyConversion.Result body = convert(item);
            if (body.markdown().length() > 200_000) {
                report.add("pages", "skipped (body too long)");
                return;
            }
            String title = trim(plain(item.title()).isBlank() ? "Untitled" : plain(item.title()), 200);
            if (!page.title().equals(title) || !page.bodyMarkdown().equals(body.markdown())) {
                pages.save(null, id, new PageDraft(title, page.slug(), body.markdown()), page.version());
            }
            boolean live = item.status().equals("publish");
            if (live && (!page.published() || page.hasUnpublishedChanges() || !page.title().equals(title) || !page.bodyMarkdown().equals(body.markdown()))) {
                pages.publish(id);
            } else if (!live && page.published()) {
                pages.unpublish(id);
            }
            if (live) {
                redirect(item.link(), page.href(), "page");
                redirect("/?page_id=" + item.postId(), page.href(), "page");
            }
            remember("page", key(item), id, fingerprint(item));
            noteConversion(item, body);
            report.add("pages", "updated");
        }

        private void noteConversion(Wxr.Item item, BodyConversion.Result body) {
            body.unknownShortcodes().forEach(s -> report.unknown("[" + s + "] shortcode", label(item)));
            body.unknownBlocks().forEach(b -> report.unknown("wp:" + b + " block", label(item)));
            body.warnings().stream().distinct().forEach(w -> report.warn(label(item) + ": " + w));
        }

        private BodyConversion.Result convert(Wxr.Item item) {
            return BodyConversion.convert(item.content(), new BodyConversion.Photos() {
                @Override
                public Optional<BodyConversion.Photo> byId(long attachmentId) {
                    return Optional.ofNullable(photosById.get(attachmentId));
                }

                @Override
                public Optional<BodyConversion.Photo> byUrl(String url) {
                    Long id = photoIdsByFile.get(dispatchPhoto(url).orElseGet(() -> baseFile(uploadsPath(url))));
                    return id == null ? Optional.empty() : Optional.ofNullable(photosById.get(id));
                }

                @Override
                public List<BodyConversion.Photo> attached() {
                    return photosByParent.getOrDefault(item.postId(), List.of()).stream().map(photosById::get).toList();
                }

                @Override
                public Optional<String> file(String url) {
                    if (url == null || !url.contains("/uploads/")) {
                        return Optional.empty();
                    }
                    return Optional.ofNullable(fileTargets.get(uploadsPath(url).toLowerCase(Locale.ROOT)));
                }
            });
        }

        // ---- comments

        private void comments(Wxr.Item item, long articleId) {
            if (item.comments().isEmpty()) {
                return;
            }
            Map<Long, Long> stored = new HashMap<>();
            List<Wxr.Comment> waiting = new ArrayList<>(item.comments());
            boolean any = false;
            // Parents first, whatever order the export lists them in; a reply whose parent never comes sits at the top.
            while (!waiting.isEmpty()) {
                boolean progressed = false;
                for (var it = waiting.iterator(); it.hasNext(); ) {
                    Wxr.Comment c = it.next();
                    boolean parentReady = c.parent() == 0 || stored.containsKey(c.parent())
                            || item.comments().stream().noneMatch(o -> o.id() == c.parent());
                    if (!parentReady) {
                        continue;
                    }
                    it.remove();
                    progressed = true;
                    any |= comment(item, articleId, c, stored);
                }
                if (!progressed) {
                    Wxr.Comment c = waiting.remove(0);
                    any |= comment(item, articleId, new Wxr.Comment(c.id(), c.author(), c.email(), c.url(), c.ip(), c.date(), c.dateGmt(),
                            c.content(), c.approved(), c.type(), 0), stored);
                }
            }
            if (any) {
                comments.restored(articleId);
            }
        }

        private boolean comment(Wxr.Item item, long articleId, Wxr.Comment c, Map<Long, Long> stored) {
            String type = nz(c.type());
            if (type.equals("pingback") || type.equals("trackback")) {
                report.add("comments", "skipped (" + type + "s)");
                return false;
            }
            String key = key(item) + "#" + c.id();
            String status = switch (nz(c.approved())) {
                case "1", "approve", "approved" -> "approved";
                case "spam" -> "spam";
                case "trash", "post-trashed" -> "trash";
                default -> "pending";
            };
            Optional<Known> known = knownWithPrint("comment", key);
            if (known.isPresent()) {
                stored.put(c.id(), known.get().id());
                // Only a status WordPress changed since the last import is applied: a moderator's later decision here stands.
                if (known.get().fingerprint().equals(status)) {
                    report.add("comments", "unchanged");
                    return false;
                }
                boolean changed = comments.restatus(known.get().id(), status);
                remember("comment", key, known.get().id(), status);
                report.add("comments", changed ? "updated" : "unchanged");
                return changed;
            }
            String body = commentText(c.content());
            if (body.isBlank()) {
                report.add("comments", "skipped (empty)");
                return false;
            }
            Instant at = Optional.ofNullable(time(c.dateGmt(), c.date())).orElse(clock.instant());
            Long parent = c.parent() == 0 ? null : stored.get(c.parent());
            long id = comments.restore(articleId, parent, trim(nz(c.author()), 100), trim(nz(c.email()), 254), trim(safeUrl(nz(c.url())), 500),
                    trim(body, 10_000), nz(c.ip()), status, at);
            stored.put(c.id(), id);
            rememberNew("comment", key, id, status);
            report.add("comments", status);
            return true;
        }

        // ---- bookkeeping

        private Optional<Long> known(String kind, String key) {
            return knownWithPrint(kind, key).map(Known::id);
        }

        /** What earlier runs imported, read once: one query per comment would be most of a large import's time. */
        private Map<String, Known> seen() {
            if (seen == null) {
                seen = new HashMap<>();
                jdbc.sql("SELECT kind, source_key, target_id, fingerprint FROM imported_items").query(rs -> {
                    seen.put(rs.getString("kind") + '\u0000' + rs.getString("source_key"), new Known(rs.getLong("target_id"), rs.getString("fingerprint")));
                });
            }
            return seen;
        }

        private Optional<Known> knownWithPrint(String kind, String key) {
            return Optional.ofNullable(seen().get(kind + '\u0000' + key));
        }

        private void rememberNew(String kind, String key, long id, String fingerprint) {
            jdbc.sql("INSERT INTO imported_items (kind, source_key, target_id, fingerprint) VALUES (:kind, :key, :id, :print)")
                    .param("kind", kind).param("key", key).param("id", id).param("print", fingerprint).update();
            seen().put(kind + '\u0000' + key, new Known(id, fingerprint));
        }

        private void remember(String kind, String key, long id, String fingerprint) {
            seen().put(kind + '\u0000' + key, new Known(id, fingerprint));
            int updated = jdbc.sql("UPDATE imported_items SET target_id = :id, fingerprint = :print WHERE kind = :kind AND source_key = :key")
                    .param("kind", kind).param("key", key).param("id", id).param("print", fingerprint).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO imported_items (kind, source_key, target_id, fingerprint) VALUES (:kind, :key, :id, :print)")
                        .param("kind", kind).param("key", key).param("id", id).param("print", fingerprint).update();
            }
        }

        private void redirect(String oldAddress, String target, String origin) {
            if (oldAddress != null && !oldAddress.isBlank()) {
                redirects.put(oldAddress, target, origin);
            }
        }

        /** A post is the same post in a newer export when its GUID is the same (its id can change on a site moved between servers). */
        private String key(Wxr.Item item) {
            return item.guid().isBlank() ? "id:" + item.postId() : item.guid().strip();
        }

        private String label(Wxr.Item item) {
            return "\"" + trim(plain(item.title()), 80) + "\" (" + item.type() + " " + item.postId() + ")";
        }
    }

    private record Known(long id, String fingerprint) {
    }

    private record Credited(String caption, Credit credit) {
    }

    /** "Photo: Jane Doe / Reuters" becomes a credit (photographer and agency); any text before it stays the caption. */
    static Credited credit(String caption) {
        Matcher m = CREDIT.matcher(caption.strip());
        if (!m.matches() || m.group(2).length() > 120) {
            return new Credited(caption, new Credit("", "", ""));
        }
        String who = m.group(2).strip();
        String agency = m.group(3) == null ? "" : m.group(3).strip();
        return new Credited(m.group(1).strip(), new Credit(who, agency, ""));
    }

    private static String fingerprint(Wxr.Item item) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(item.title(), item.content(), item.excerpt(), item.status(), item.dateGmt(), item.name(), item.creator(),
                    item.commentStatus(), item.meta("_thumbnail_id"), item.terms().toString())) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant time(String gmt, String local) {
        for (String value : new String[]{gmt, local}) {
            if (value == null || value.isBlank() || value.startsWith("0000")) {
                continue;
            }
            try {
                return LocalDateTime.parse(value.strip(), WP_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // try the next
            }
        }
        return null;
    }

    /** A slug as Dispatch writes them: WordPress's may be percent-encoded UTF-8. */
    static String slug(String wordpress) {
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(wordpress.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = wordpress;
        }
        String ascii = Normalizer.normalize(decoded.replace("ß", "ss"), Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "story" : slug;
    }

    private static String uploadsPath(String url) {
        if (url == null) {
            return "";
        }
        int at = url.indexOf("/uploads/");
        String path = at < 0 ? url : url.substring(at + "/uploads/".length());
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String uploadsUrl(String attachmentUrl, String file) {
        int at = attachmentUrl.indexOf("/uploads/");
        return at < 0 ? "/wp-content/uploads/" + file : attachmentUrl.substring(0, at + "/uploads/".length()) + file;
    }

    private static final Pattern DISPATCH_PHOTO = Pattern.compile("/media/([0-9a-f]{20})/\\d+\\.jpg(?:$|[?#])");

    /** An export written by Dispatch names photos by their served address: any width of one key is the same photo. */
    private static Optional<String> dispatchPhoto(String url) {
        Matcher m = DISPATCH_PHOTO.matcher(url == null ? "" : url);
        return m.find() ? Optional.of("dispatch-media:" + m.group(1)) : Optional.empty();
    }

    /** tank-300x188.jpg and tank.jpg are the same photo. */
    private static String baseFile(String path) {
        return path.replaceAll("-\\d+x\\d+(\\.[A-Za-z]+)$", "$1").toLowerCase(Locale.ROOT);
    }

    private static String commentText(String html) {
        String marked = nz(html).replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>", "\n\n");
        return Jsoup.parseBodyFragment(marked).body().wholeText().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String plain(String html) {
        return nz(html).contains("<") || nz(html).contains("&") ? Jsoup.parse(nz(html)).text() : nz(html).strip();
    }

    private static String safeUrl(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("http://") || u.startsWith("https://") ? url.strip() : "";
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String trim(String s, int max) {
        String t = nz(s).strip();
        return t.length() > max ? t.substring(0, max).strip() : t;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "Staff";
    }
}
