package press.dispatch.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a file next to the SQLite database ({@code dispatch.db.lock}), held while the node runs: SQLite
 * serves one node, and a second one on the same file would send every newsletter and email again and keep its own
 * page cache. The operating system drops the lock when the process ends, however it ends.
 */
final class SqliteFileLock {

    private final FileChannel channel;
    private final FileLock lock;

    private SqliteFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @param url the SQLite JDBC URL; an in-memory database needs no lock */
    static SqliteFileLock acquire(String url) {
        String file = url.substring("jdbc:sqlite:".length()).replaceAll("\\?.*", "");
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file::memory:")) {
            return new SqliteFileLock(null, null);
        }
        Path lockFile = Path.of(file.startsWith("file:") ? file.substring(5) : file).toAbsolutePath().resolveSibling(
                Path.of(file).getFileName() + ".lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new SqliteFileLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // Held by another Dispatch in this very JVM.
        } catch (IOException e) {
            close(channel);
            throw new BadSettingException("DISPATCH_DATA_DIR", "holds the SQLite database, but its lock file " + lockFile + " cannot be opened ("
                    + e.getMessage() + ")", "set it to a folder this user can write to");
        }
        close(channel);
        throw new BadSettingException("DISPATCH_DATA_DIR", "holds the SQLite database " + file + ", which another running Dispatch is using",
                "SQLite serves one node only: stop the other one, give this one its own data folder, or run several nodes on PostgreSQL "
                        + "(DISPATCH_DATABASE_URL) with shared media (DISPATCH_MEDIA_STORE=s3)");
    }

    void release() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException ignored) {
            // The lock goes with the channel below, or with the process.
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing held any more.
            }
        }
    }
}
