package io.streamnet.app.process;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run a {@code streamnet} command in a new JVM: which {@code java}, which class path, which JVM options.
 *
 * <p>{@link #current()} reuses this JVM's own: its {@code java} binary and {@code java.class.path}. That works from
 * the shaded jar ({@code java -jar streamnet.jar}), from an IDE, and under Maven Surefire/Failsafe, whose
 * manifest-only booter jar names the real class path in its {@code Class-Path}, which {@code java -cp} follows.
 * Where the class path cannot be inherited, pass one with {@link #withClasspath}.
 *
 * @param java the {@code java} executable
 * @param classpath the class path, entries separated by {@link File#pathSeparator}
 * @param jvmOptions options before the main class, e.g. {@code -Xmx512m}
 */
public record Launcher(Path java, String classpath, List<String> jvmOptions) {
    public static final String MAIN_CLASS = "io.streamnet.app.Main";

    public Launcher {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** This JVM's {@code java} binary and class path, no JVM options. */
    public static Launcher current() {
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        return new Launcher(java, System.getProperty("java.class.path"), List.of());
    }

    public Launcher withClasspath(String entries) {
        return new Launcher(java, entries, jvmOptions);
    }

    public Launcher withJvmOptions(List<String> options) {
        return new Launcher(java, classpath, options);
    }

    /** The command line {@code java <options> -cp <class path> io.streamnet.app.Main <args>}. */
    public List<String> command(List<String> args) {
        return command(MAIN_CLASS, args);
    }

    /**
     * The command line running another main class from the same class path, e.g. Kafka's
     * {@code org.apache.kafka.tools.ProducerPerformance}, whose {@code main} may exit the JVM it runs in.
     */
    public List<String> command(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** Starts {@code streamnet <args>} as a child process; {@code name} labels it in messages. */
    public ChildProcess start(String name, List<String> args) {
        return start(name, MAIN_CLASS, args);
    }

    /**
     * Starts {@code mainClass} with {@code args} as a child process, with a temporary directory of its own: a JVM
     * killed outright (as the crash and failover tests do) leaves behind the native libraries it unpacked there,
     * RocksDB's and lz4's, 16 MB a JVM, which go with that directory once the child has ended.
     */
    public ChildProcess start(String name, String mainClass, List<String> args) {
        TempDirectory scratch = TempDirectory.create("streamnet-child-");
        List<String> options = new ArrayList<>(List.of("-Djava.io.tmpdir=" + scratch.path()));
        options.addAll(jvmOptions); // after it, so that a tmpdir of the caller's still wins
        return ChildProcess.start(name, withJvmOptions(options).command(mainClass, args), scratch);
    }
}
