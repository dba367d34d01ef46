package dev.ferry.sink.write;

import dev.ferry.core.TableId;
import dev.ferry.core.event.RowChange;
import dev.ferry.core.schema.ColumnDef;
import dev.ferry.core.schema.JsonScalarFunction;
import dev.ferry.core.schema.TableDef;
import dev.ferry.core.schema.TypedJson;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Prepares rows whose JSON documents hold TIMESTAMP or opaque scalars ({@link TypedJson}) for writing:
 * each such scalar is given the sink's state database, where the functions that make it
 * ({@link JsonScalarFunction}) live, and those functions are created there the first time they are
 * needed (creating a function commits, so the caller commits what is pending first).
 *
 * <p>Scalars MySQL 8.0 cannot make by any expression (opaque TINYBLOB, MEDIUMBLOB and LONGBLOB
 * scalars, which only a column of that type makes; 5.7's VARBINARY and YEAR opaque scalars; BIT
 * values of more than 8 bytes; TIMESTAMP values outside what a TIMESTAMP holds) are written with the
 * nearest type that keeps their value (BLOB, VARCHAR opaque, DATETIME) and logged as a WARN naming the
 * table, column, path and both types, once per table, column and type.
 */
public final class JsonScalarFunctions {
    private static final Logger LOG = LoggerFactory.getLogger(JsonScalarFunctions.class);
    /** ER_SP_ALREADY_EXISTS: another task created it first. */
    private static final int ALREADY_EXISTS = 1304;

    private final String database;
    private Set<String> existing;
    private final Set<String> warned = new HashSet<>();

    public JsonScalarFunctions(String stateDatabase) {
        this.database = stateDatabase;
    }

    /** Called before creating functions: commits what is pending (function creation commits implicitly). */
    public interface Commit {
        void run() throws WriteException;
    }

    /** {@code rows} with their TIMESTAMP and opaque JSON scalars made by this database's functions, which exist on return. */
    public List<RowChange> prepare(TableDef table, List<RowChange> rows, StatementWriter writer, Commit commit) throws WriteException {
        List<Integer> json = new ArrayList<>(0);
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).dataType().equalsIgnoreCase("json")) {
                json.add(i);
            }
        }
        if (json.isEmpty()) {
            return rows;
        }
        Set<JsonScalarFunction> needed = new LinkedHashSet<>();
        List<RowChange> out = null;
        for (int r = 0; r < rows.size(); r++) {
            RowChange row = rows.get(r);
            Object[] before = image(table, json, row.before(), needed);
            Object[] after = image(table, json, row.after(), needed);
            if (before != row.before() || after != row.after()) {
                if (out == null) {
                    out = new ArrayList<>(rows);
                }
                out.set(r, new RowChange(row.op(), row.position(), before, after));
            }
        }
        if (out == null) {
            return rows;
        }
        create(table.id(), needed, writer, commit);
        return out;
    }

    private Object[] image(TableDef table, List<Integer> json, Object[] image, Set<JsonScalarFunction> needed) {
        if (image == null) {
            return null;
        }
        Object[] out = image;
        for (int i : json) {
            // Only documents whose encoding names such a type are decoded (a path holding the word costs a decoding, no more).
            if (i < image.length && TypedJson.isEncoded(image[i]) && mayNeedFunctions((String) image[i])) {
                String value = (String) image[i];
                String prepared = prepare(table.id(), table.columns().get(i), value, needed);
                if (!prepared.equals(value)) {
                    if (out == image) {
                        out = image.clone();
                    }
                    out[i] = prepared;
                }
            }
        }
        return out;
    }

    private static boolean mayNeedFunctions(String encoded) {
        return encoded.contains("OPAQUE(") || encoded.contains("TIMESTAMP(");
    }

    private String prepare(TableId table, ColumnDef column, String encoded, Set<JsonScalarFunction> needed) {
        TypedJson json = TypedJson.decode(encoded);
        boolean changed = false;
        List<TypedJson.Scalar> scalars = new ArrayList<>(json.scalars().size());
        for (TypedJson.Scalar scalar : json.scalars()) {
            TypedJson.Scalar made = made(table, column, scalar);
            changed |= made != scalar;
            JsonScalarFunction function = JsonScalarFunction.of(made);
            if (function != null) {
                needed.add(function);
            }
            scalars.add(made);
        }
        return changed ? TypedJson.valueOf(json.document(), scalars) : encoded;
    }

    /** The scalar as the destination makes it. */
    TypedJson.Scalar made(TableId table, ColumnDef column, TypedJson.Scalar scalar) {
        if (scalar.functionDatabase() != null) {
            return scalar;
        }
        if (scalar.isTimestamp()) {
            if (JsonScalarFunction.makesTimestamp(scalar.literal())) {
                return scalar.withFunctionDatabase(database);
            }
            warn(table, column, scalar, "DATETIME(6)", "a TIMESTAMP outside " + JsonScalarFunction.TIMESTAMP_MIN + " .. "
                    + JsonScalarFunction.TIMESTAMP_MAX + " cannot be made");
            return new TypedJson.Scalar(scalar.path(), "DATETIME(6)", scalar.literal());
        }
        int type = scalar.opaqueType();
        if (type < 0) {
            return scalar;
        }
        int bytes = scalar.literal().length() / 2;
        if (JsonScalarFunction.makesOpaque(type, bytes)) {
            return scalar.withFunctionDatabase(database);
        }
        if (type >= 249 && type <= 251) {
            warn(table, column, scalar, "OPAQUE(252)", "only a TINYBLOB, MEDIUMBLOB or LONGBLOB column makes it; the same bytes are written as a BLOB");
            return new TypedJson.Scalar(scalar.path(), "OPAQUE(252)", scalar.literal()).withFunctionDatabase(database);
        }
        if (type == TypedJson.OPAQUE_VARCHAR || !JsonScalarFunction.makesOpaque(TypedJson.OPAQUE_VARCHAR, bytes)) {
            warn(table, column, scalar, "OPAQUE(252)", "no expression makes an opaque scalar of this field type and size; the same bytes are written as a BLOB");
            return new TypedJson.Scalar(scalar.path(), "OPAQUE(252)", scalar.literal()).withFunctionDatabase(database);
        }
        warn(table, column, scalar, "OPAQUE(15)", "MySQL 8.0 makes no opaque scalar of this field type and size; the same bytes are written as a VARBINARY");
        return new TypedJson.Scalar(scalar.path(), "OPAQUE(15)", scalar.literal()).withFunctionDatabase(database);
    }

    private void warn(TableId table, ColumnDef column, TypedJson.Scalar scalar, String written, String why) {
        if (warned.add(table + "\0" + column.name() + "\0" + scalar.type())) {
            LOG.warn("JSON column {} of {}: the {} scalar at {} is written as {}: {} (first of its kind in this column; see README "
                    + "\"JSON scalars SQL cannot make\")", column.name(), table, scalar.type(), scalar.path(), written, why);
        }
    }

    private void create(TableId table, Set<JsonScalarFunction> needed, StatementWriter writer, Commit commit) throws WriteException {
        try {
            if (existing == null) {
                existing = new HashSet<>();
                try (PreparedStatement query = writer.connection().prepareStatement("SELECT ROUTINE_NAME FROM information_schema.ROUTINES"
                        + " WHERE ROUTINE_SCHEMA = ? AND ROUTINE_TYPE = 'FUNCTION' AND ROUTINE_NAME LIKE 'ferry\\_json\\_%'")) {
                    query.setString(1, database);
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            existing.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                }
            }
        }
        catch (SQLException e) {
            throw StatementWriter.failure(table, List.of(), StatementKind.CREATE_FUNCTION, e);
        }
        boolean committed = false;
        for (JsonScalarFunction function : needed) {
            if (existing.contains(function.name())) {
                continue;
            }
            if (!committed) {
                commit.run();
                committed = true;
            }
            try (Statement statement = writer.connection().createStatement()) {
                statement.execute(function.createStatement());
                LOG.info("Created function {} (makes JSON scalars of type {} for {})", function.id(), function.returns(), table);
            }
            catch (SQLException e) {
                if (e.getErrorCode() != ALREADY_EXISTS) {
                    throw WriteException.permanent(table, StatementKind.CREATE_FUNCTION, "the JSON documents of " + table
                            + " hold " + function.returns() + " scalars, which only a stored function makes; creating " + function.id()
                            + " was refused (" + e.getErrorCode() + ": " + e.getMessage() + "). Grant the sink's user CREATE ROUTINE on "
                            + database + " and, on a destination with binary logging, set log_bin_trust_function_creators=1 (the DB "
                            + "parameter group on RDS/Aurora) or grant SUPER; or create the function yourself: "
                            + function.createStatement());
                }
            }
            existing.add(function.name());
        }
    }
}
