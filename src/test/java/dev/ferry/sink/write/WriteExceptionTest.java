package dev.ferry.sink.write;

import dev.ferry.core.TableId;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Row values must never appear in exception messages, the cause chain included. */
class WriteExceptionTest {
    private static final TableId TABLE = new TableId("shop", "orders");
    private static final List<String> COLUMNS = List.of("id", "note", "price");
    private static final String SECRET = "4111-1111-1111-1111";

    private static String everyMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable e = t; e != null; e = e.getCause()) {
            all.append(e).append('\n');
            for (Throwable s : e.getSuppressed()) {
                all.append(s).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void aDuplicateKeyNamesTableKindCodeAndKeyButNotTheValue() {
        SQLException error = new SQLIntegrityConstraintViolationException(
                "Duplicate entry '" + SECRET + "' for key 'orders.uk_card'", "23000", 1062);
        WriteException e = WriteException.of(TABLE, COLUMNS, StatementKind.UPSERT, error);
        assertThat(e.getMessage()).isEqualTo("upsert on `shop`.`orders` failed: MySQL error 1062 (SQLState 23000): "
                + "Duplicate entry '…' for key 'orders.uk_card'");
        assertThat(e.isTransient()).isFalse();
        assertThat(everyMessage(e)).doesNotContain(SECRET);
        assertThat(e.getCause().getStackTrace()).isEqualTo(error.getStackTrace());
    }

    @Test
    void anIncorrectValueKeepsTheColumnNameOnly() {
        SQLException error = new SQLException("Incorrect integer value: '" + SECRET + "' for column 'price' at row 3", "HY000", 1366);
        WriteException e = WriteException.of(TABLE, COLUMNS, StatementKind.INSERT, error);
        assertThat(e.getMessage()).endsWith("Incorrect integer value: '…' for column 'price' at row 3");
        assertThat(everyMessage(e)).doesNotContain(SECRET);
    }

    @Test
    void quotesInsideAValueDoNotLeakItsTail() {
        String value = "it's a secret' for column 'note";
        SQLException error = new SQLException("Incorrect string value: '" + value + "' for column 'note' at row 1", "HY000", 1366);
        String message = WriteException.of(TABLE, COLUMNS, StatementKind.UPDATE, error).getMessage();
        assertThat(message).doesNotContain("secret").doesNotContain("it's").contains("update on `shop`.`orders`");
    }

    @Test
    void messagesWithoutValuesStayWhole() {
        SQLException error = new SQLException("Data too long for column 'note' at row 1", "22001", 1406);
        assertThat(WriteException.of(TABLE, COLUMNS, StatementKind.UPSERT, error).getMessage())
                .isEqualTo("upsert on `shop`.`orders` failed: MySQL error 1406 (SQLState 22001): Data too long for column 'note' at row 1");
        SQLException unknown = new SQLException("Unknown column 'price' in 'field list'", "42S22", 1054);
        assertThat(WriteException.of(TABLE, COLUMNS, StatementKind.UPSERT, unknown).getMessage())
                .endsWith("Unknown column 'price' in 'field list'");
    }

    @Test
    void transientErrorsSaySo() {
        WriteException e = WriteException.of(TABLE, COLUMNS, StatementKind.DELETE, new SQLException("Deadlock found", "40001", 1213));
        assertThat(e.isTransient()).isTrue();
        assertThat(e.kind()).isEqualTo(StatementKind.DELETE);
        assertThat(e.table()).isEqualTo(TABLE);
    }

    @Test
    void permanentFailuresWithoutAServerError() {
        WriteException e = WriteException.permanent(TABLE, StatementKind.CHECK_TABLE, "the table does not exist");
        assertThat(e.getMessage()).isEqualTo("check table on `shop`.`orders` failed: the table does not exist");
        assertThat(e.isTransient()).isFalse();
    }
}
