package dev.ferry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A directory in the shared cache that one process builds once and every later one only reads.
 * Building happens under a file lock (other JVMs) and a monitor (other threads of this JVM), in a
 * scratch directory that is renamed into place atomically, so a half-built directory is never seen.
 */
final class CachedDirectory {

    /** What goes into the directory: written into a scratch directory that is then renamed. */
    interface Content {
        void writeInto(Path scratch) throws IOException;
    }

    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private CachedDirectory() {
    }

    static Path ensure(Path target, Content content) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        synchronized (MONITORS.computeIfAbsent(absolute, p -> new Object())) {
            try {
                Files.createDirectories(absolute.getParent());
                return buildLocked(absolute, content);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot build cached directory " + absolute, e);
            }
        }
    }

    private static Path buildLocked(Path target, Content content) throws IOException {
        Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.lock(); // released when the channel closes
            if (Files.isDirectory(target)) {
                return target;
            }
            Path scratch = target.resolveSibling(target.getFileName() + ".building");
            DirectoryTree.delete(scratch);
            Files.createDirectories(scratch);
            try {
                content.writeInto(scratch);
                Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                DirectoryTree.delete(scratch);
            }
            return target;
        }
    }
}
