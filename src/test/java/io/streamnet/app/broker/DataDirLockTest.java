package io.streamnet.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {
    @TempDir
    Path tmp;

    @Test
    void shouldLetOneBrokerAtATimeHoldADataDir() {
        Path dir = tmp.resolve("broker");
        try (DataDirLock first = DataDirLock.acquire(dir)) {
            assertThatThrownBy(() -> DataDirLock.acquire(dir))
                    .isInstanceOf(DataDirInUseException.class)
                    .hasMessage("data directory " + dir + " is in use by another broker");
        }
        try (DataDirLock again = DataDirLock.acquire(dir)) {
            assertThat(dir).isDirectory();
        }
    }
}
