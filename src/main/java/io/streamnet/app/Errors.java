package io.streamnet.app;

import io.streamnet.config.ConfigException;
import io.streamnet.data.DatasetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns failures into exit codes: what the user can fix is one line on stderr; anything else is a logged bug. */
final class Errors {
    static final int USAGE = 2;
    static final int FAILED = 1;
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    static int usage(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        // picocli words a bad --kafka value "Value for option option '--kafka' ..."
        String message = e.getMessage().replace("option option", "option");
        cmd.getErr().println("streamnet: " + message + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        return USAGE;
    }

    static int execution(Exception e, CommandLine cmd, ParseResult parsed) {
        if (e instanceof ConfigException) {
            cmd.getErr().println("streamnet: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof DatasetException || e instanceof CommandFailure) {
            cmd.getErr().println("streamnet: " + e.getMessage());
            return FAILED;
        }
        Throwable refusal = kafkaRefusal(e);
        if (refusal != null) {
            cmd.getErr().println("streamnet: Kafka refused a client setting: " + refusal.getMessage()
                    + "; check --bootstrap-servers (host:port) and the STREAMNET_KAFKA_* / --kafka settings");
            return USAGE;
        }
        LOG.error("{} failed", cmd.getCommandSpec().qualifiedName(), e);
        return FAILED;
    }

    /** The Kafka {@code ConfigException} among the causes of {@code e}: a client refused its settings. Else null. */
    static Throwable kafkaRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.config.ConfigException) {
                return t;
            }
        }
        return null;
    }
}
