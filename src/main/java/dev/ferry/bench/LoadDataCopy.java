package dev.ferry.bench;

import dev.ferry.testkit.MySqlServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The destination's physical limit: {@code LOAD DATA INFILE} of files the source wrote with
 * {@code SELECT ... INTO OUTFILE} (exported once, not timed), into tables created like the source's.
 */
final class LoadDataCopy {
    private final MySqlServer source;
    private final String database;
    private final Path dir;
    private final List<String> tables;

    LoadDataCopy(MySqlServer source, String database, Path workDir) throws Exception {
        this.source = source;
        this.database = database;
        this.dir = workDir.resolve("load-data-" + database).toAbsolutePath();
        this.tables = RowCounts.of(source, database).tables();
        Files.createDirectories(dir);
        for (String table : tables) {
            Files.deleteIfExists(file(table));
            source.execute("SELECT * INTO OUTFILE '" + file(table) + "' CHARACTER SET binary FROM `" + database + "`.`" + table + "`");
        }
    }

    /** Creates the database and its tables on {@code target} and loads every file. */
    void load(MySqlServer target) throws SQLException {
        try (Connection c = target.openConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + database + "`");
            for (String table : tables) {
                s.execute("USE `" + database + "`");
                s.execute(createTable(table));
                s.execute("LOAD DATA INFILE '" + file(table) + "' INTO TABLE `" + database + "`.`" + table
                        + "` CHARACTER SET binary " + columns(table));
            }
        }
    }

    /**
     * The column list: the file's bytes go to each column unconverted, except JSON, which MySQL will not
     * build from binary text; those pass through a variable converted to utf8mb4.
     */
    private String columns(String table) throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        List<String> sets = new java.util.ArrayList<>();
        try (Connection c = source.openConnection(); Statement s = c.createStatement();
                var rows = s.executeQuery("SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                        + database + "' AND TABLE_NAME = '" + table + "' ORDER BY ORDINAL_POSITION")) {
            while (rows.next()) {
                String column = rows.getString(1);
                if (rows.getString(2).equalsIgnoreCase("json")) {
                    names.add("@v" + sets.size());
                    sets.add("`" + column + "` = CONVERT(@v" + sets.size() + " USING utf8mb4)");
                } else {
                    names.add("`" + column + "`");
                }
            }
        }
        return "(" + String.join(", ", names) + ")" + (sets.isEmpty() ? "" : " SET " + String.join(", ", sets));
    }

    private String createTable(String table) throws SQLException {
        try (Connection c = source.openConnection(); Statement s = c.createStatement();
                var rows = s.executeQuery("SHOW CREATE TABLE `" + database + "`.`" + table + "`")) {
            rows.next();
            return rows.getString(2);
        }
    }

    private Path file(String table) {
        return dir.resolve(table + ".txt");
    }
}
