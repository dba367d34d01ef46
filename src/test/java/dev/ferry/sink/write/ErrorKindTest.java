package dev.ferry.sink.write;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorKindTest {

    private static SQLException server(int code, String state) {
        return new SQLException("server says no", state, code);
    }

    @Test
    void lockTimeoutsDeadlocksAndLostConnectionsAreTransient() {
        assertThat(ErrorKind.of(server(1205, "HY000"))).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorKind.of(server(1213, "40001"))).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorKind.of(server(1040, "08004"))).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorKind.of(server(1053, "08S01"))).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorKind.of(server(2006, "HY000"))).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorKind.of(server(2013, "HY000"))).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorKind.of(server(0, "08S01"))).isEqualTo(ErrorKind.TRANSIENT);
    }

    @Test
    void transientExceptionClassesAreTransient() {
        assertThat(ErrorKind.of(new SQLTransactionRollbackException("deadlock"))).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorKind.of(new SQLTimeoutException("timeout"))).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorKind.of(new SQLTransientConnectionException("pool empty"))).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorKind.of(new SQLRecoverableException("link failure"))).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorKind.of(new SQLNonTransientConnectionException("closed"))).isEqualTo(ErrorKind.TRANSIENT);
    }

    @Test
    void dataAndSchemaErrorsArePermanent() {
        assertThat(ErrorKind.of(server(1406, "22001"))).isEqualTo(ErrorKind.PERMANENT);
        assertThat(ErrorKind.of(server(1264, "22003"))).isEqualTo(ErrorKind.PERMANENT);
        assertThat(ErrorKind.of(new SQLIntegrityConstraintViolationException("dup", "23000", 1062))).isEqualTo(ErrorKind.PERMANENT);
        assertThat(ErrorKind.of(new SQLSyntaxErrorException("Unknown column", "42S22", 1054))).isEqualTo(ErrorKind.PERMANENT);
    }

    @Test
    void looksThroughCausesAndNextExceptions() {
        SQLException wrapper = new SQLException("batch failed", "HY000", 0);
        wrapper.setNextException(server(1213, "40001"));
        assertThat(ErrorKind.of(wrapper)).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(ErrorKind.of(new SQLException("wrapped", new SQLRecoverableException("gone")))).isEqualTo(ErrorKind.TRANSIENT);
    }
}
