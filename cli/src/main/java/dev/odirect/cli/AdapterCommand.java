package dev.odirect.cli;

import dev.odirect.store.FallbackPolicy;
import dev.odirect.store.IoMode;
import dev.odirect.store.StoreConfig;
import dev.odirect.store.TailStrategy;
import dev.odirect.store.adapter.AdapterServer;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "adapter", mixinStandardHelpOptions = true, versionProvider = Odirect.Version.class,
        description = {"Serve the store adapter protocol (version 1) with the reference store on stdin/stdout, "
            + "exactly as an outside store's adapter would.", "Logs go to stderr."})
final class AdapterCommand implements Callable<Integer> {
    enum Scheme { direct, file }

    @Option(names = "--root-uri-scheme", defaultValue = "direct", paramLabel = "direct|file",
            description = "direct: O_DIRECT; file: through the page cache (default: ${DEFAULT-VALUE}).")
    Scheme scheme;

    @Option(names = "--tail", defaultValue = "CLEAR_DIRECT", paramLabel = "STRATEGY",
            description = "How the unaligned tail is written: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TailStrategy tail;

    @Option(names = "--buffer-size", defaultValue = "1m", converter = ByteSizeConverter.class, paramLabel = "SIZE",
            description = "Bytes gathered per aligned write, e.g. 4096, 64k, 1m (default: ${DEFAULT-VALUE}).")
    int bufferSize;

    @Option(names = "--writes-in-flight", defaultValue = "" + StoreConfig.DEFAULT_WRITES_IN_FLIGHT, paramLabel = "N",
            description = "Buffer writes of one stream that run while the next buffer fills, 0 to "
                    + StoreConfig.MAX_WRITES_IN_FLIGHT + " (default: ${DEFAULT-VALUE}).")
    int writesInFlight;

    @Option(names = "--no-fallback",
            description = "Fail with EINVAL where the filesystem refuses O_DIRECT, instead of writing buffered.")
    boolean noFallback;

    @Override
    public Integer call() throws Exception {
        StoreConfig config = StoreConfig.defaults()
                .withMode(scheme == Scheme.direct ? IoMode.DIRECT : IoMode.BUFFERED)
                .withTail(tail)
                .withBufferSize(bufferSize)
                .withWritesInFlight(writesInFlight)
                .withFallback(noFallback ? FallbackPolicy.FAIL : FallbackPolicy.BUFFERED);
        // Answers own stdout; anything else that prints goes to stderr, where the protocol allows it.
        FileOutputStream answers = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        return new AdapterServer(config).serve(new FileInputStream(FileDescriptor.in), answers);
    }
}
