package press.dispatch.platform;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Site-wide state read on every page (settings, sections, menus, the site icon) kept in memory, read from the
 * database again after it changes: on this node after the change commits ({@link #forget()}), on every other node
 * when that change's purge of every page arrives here (which runs before those pages are purged, so they are rendered
 * from the new state).
 *
 * <p>A read that a change overlapped is not kept: each {@link #forget()} starts a new epoch, and what was loaded in an
 * epoch that has ended is returned to its caller but not stored (else a read that began just before a change and
 * finished just after it would keep the old state until the next change).
 */
public final class MemoryCopy<T> {

    /** What is kept in an epoch; a new instance per {@link #forget()}, compared by identity. */
    private record Epoch<T>(T value) {
    }

    private final Supplier<T> loader;
    private final AtomicReference<Epoch<T>> current = new AtomicReference<>(new Epoch<>(null));

    /** Follows purges of every page made on other nodes; a copy of state no other node changes can use {@link #MemoryCopy(Supplier)}. */
    public MemoryCopy(Supplier<T> loader, PageCache cache) {
        this(loader);
        cache.followOtherNodes(tags -> {
            if (tags == null) {
                forget();
            }
        });
    }

    public MemoryCopy(Supplier<T> loader) {
        this.loader = loader;
    }

    public T get() {
        Epoch<T> epoch = current.get();
        if (epoch.value() != null) {
            return epoch.value();
        }
        T loaded = loader.get();
        current.compareAndSet(epoch, new Epoch<>(loaded));
        return loaded;
    }

    /** Read it again on next use. */
    public void forget() {
        current.set(new Epoch<>(null));
    }
}
