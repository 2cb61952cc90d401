package io.streamnet.bench;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code streamnet bench}: the benchmarks, one subcommand each. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measures Streamnet's speed; each figure is printed as a name=value line on standard output.",
        subcommands = {KernelBenchCommand.class, E2eBenchCommand.class})
public final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "which benchmark? one of " + spec.subcommands().keySet());
    }

    /** One figure, as every benchmark prints it: a {@code name=value} line, flushed at once. */
    static void figure(PrintWriter out, String name, Object value) {
        out.println(name + "=" + value);
        out.flush();
    }
}
