package dev.ferry.core.precheck;

import dev.ferry.core.TableId;
import dev.ferry.core.config.ConflictPolicy;
import dev.ferry.core.config.MigrationType;
import dev.ferry.core.config.TableSelection;
import dev.ferry.core.mapping.ObjectMapping;
import dev.ferry.core.sql.SqlBuilder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the checks of one precheck run look at: the two servers (either may be absent), the
 * migration types, the selection, and the inputs that object mapping decides ({@link #destinationName}
 * and {@link #conflictPolicy}). Catalogs are read once, when a check first asks.
 */
public final class PrecheckContext {
    private final Endpoint source;
    private final Endpoint destination;
    private final Set<MigrationType> types;
    private final TableSelection selection;
    private final Long readerServerId;
    private final ObjectMapping mapping;
    private final ConflictPolicy conflictPolicy;
    private final String stateDatabase;
    private final boolean migrationStarted;
    private final Long scanDeadlineNanos;
    private final boolean migratesEvents;
    private SchemaObjects schemaObjects;
    private Map<TableId, CatalogTable> sourceTables;
    private Map<TableId, CatalogTable> destinationTables;
    private Set<TableId> migratedByFerry;

    private PrecheckContext(Builder b) {
        this.source = b.source;
        this.destination = b.destination;
        this.types = Set.copyOf(b.types);
        this.selection = b.selection;
        this.readerServerId = b.readerServerId;
        this.mapping = b.mapping == null ? ObjectMapping.of(b.selection) : b.mapping;
        this.conflictPolicy = b.conflictPolicy;
        this.stateDatabase = b.stateDatabase;
        this.migrationStarted = b.migrationStarted;
        this.scanDeadlineNanos = b.scanBudget == null ? null : System.nanoTime() + b.scanBudget.toNanos();
        this.migratesEvents = b.migratesEvents;
    }

    public static Builder builder(Set<MigrationType> types, TableSelection selection) {
        return new Builder(types, selection);
    }

    public Optional<Endpoint> source() {
        return Optional.ofNullable(source);
    }

    public Optional<Endpoint> destination() {
        return Optional.ofNullable(destination);
    }

    /** The source endpoint; only for checks that declared {@link Check#needsSource()}. */
    public Endpoint src() {
        return source;
    }

    /** The destination endpoint; only for checks that declared {@link Check#needsDestination()}. */
    public Endpoint dst() {
        return destination;
    }

    public Set<MigrationType> types() {
        return types;
    }

    public boolean includes(MigrationType type) {
        return types.contains(type);
    }

    public TableSelection selection() {
        return selection;
    }

    /** The {@code server_id} Ferry reads the binlog with, when known. */
    public Optional<Long> readerServerId() {
        return Optional.ofNullable(readerServerId);
    }

    /** The name a source table has on the destination (object mapping; identity until mapping is configured). */
    public TableId destinationName(TableId source) {
        return mapping.destinationOf(source);
    }

    /** The destination name of a selected column of a selected source table. */
    public String destinationColumn(TableId source, String column) {
        return mapping.destinationColumn(source, column);
    }

    /** Whether the database is selected as a whole, so its views, routines and triggers are migrated too. */
    public boolean isWholeDatabaseSelected(String database) {
        return mapping.isWholeDatabaseSelected(database);
    }

    public boolean isTableSelected(TableId table) {
        return mapping.isTableSelected(table);
    }

    public boolean isColumnSelected(TableId table, String column) {
        return mapping.isColumnSelected(table, column);
    }

    /** Whether schema migration creates the events of whole databases too ({@code schema.events}). */
    public boolean migratesEvents() {
        return migratesEvents;
    }

    /** The source's views, routines, triggers (and events) of whole databases, and its foreign keys; read once. */
    public SchemaObjects schemaObjects() throws SQLException {
        if (schemaObjects == null) {
            schemaObjects = SchemaObjects.read(source.connection(), mapping::isWholeDatabaseSelected, migratesEvents);
        }
        return schemaObjects;
    }

    public ConflictPolicy conflictPolicy() {
        return conflictPolicy;
    }

    /** The destination database holding the sink's progress table. */
    public String stateDatabase() {
        return stateDatabase;
    }

    /** Whether this migration already moved data (it has offsets): data scans are not repeated then. */
    public boolean migrationStarted() {
        return migrationStarted;
    }

    /** Milliseconds the data scans of this run may still take; null when they have no limit. */
    public Long remainingScanMillis() {
        return scanDeadlineNanos == null ? null : Math.max(0, (scanDeadlineNanos - System.nanoTime()) / 1_000_000);
    }

    /** The selected source base tables, read once. */
    public Map<TableId, CatalogTable> sourceTables() throws SQLException {
        if (sourceTables == null) {
            Map<TableId, CatalogTable> tables = new java.util.LinkedHashMap<>();
            for (CatalogTable table : Catalog.read(source.connection(), mapping::isTableSelected).values()) {
                List<CatalogColumn> columns = table.columns().stream()
                        .filter(c -> mapping.isColumnSelected(table.id(), c.name())).toList();
                tables.put(table.id(), new CatalogTable(table.id(), table.engine(), table.bytes(), table.collation(), columns,
                        table.keyColumns()));
            }
            sourceTables = tables;
        }
        return sourceTables;
    }

    /** The destination tables that exist under the destination names of the selected tables, by destination name. */
    public Map<TableId, CatalogTable> destinationTables() throws SQLException {
        if (destinationTables == null) {
            Set<TableId> wanted = new HashSet<>();
            for (TableId id : sourceTables().keySet()) {
                wanted.add(destinationName(id));
            }
            destinationTables = Catalog.read(destination.connection(), wanted::contains);
        }
        return destinationTables;
    }

    /** The destination table of a selected source table, if it exists. */
    public Optional<CatalogTable> destinationTable(TableId source) throws SQLException {
        return Optional.ofNullable(destinationTables().get(destinationName(source)));
    }

    /** Destination tables the sink's progress table already records (it keys them by destination name): this migration's own. */
    public Set<TableId> migratedByFerry() throws SQLException {
        if (migratedByFerry == null) {
            migratedByFerry = new HashSet<>();
            String sql = new SqlBuilder().sql("SELECT DISTINCT ").identifiers(List.of("source_database", "source_table"))
                    .sql(" FROM ").table(new TableId(stateDatabase, "sink_progress")).toString();
            Connection connection = destination.connection();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    migratedByFerry.add(new TableId(rs.getString(1), rs.getString(2)));
                }
            }
            catch (SQLException e) {
                if (e.getErrorCode() != 1146 && e.getErrorCode() != 1049 && e.getErrorCode() != 1142) {
                    throw e;
                }
                // No progress table (yet), or not readable: no table is known to be Ferry's own.
            }
        }
        return migratedByFerry;
    }

    /** Builds a context; only the types and the selection are required. */
    public static final class Builder {
        private final Set<MigrationType> types;
        private final TableSelection selection;
        private Endpoint source;
        private Endpoint destination;
        private Long readerServerId;
        private ObjectMapping mapping;
        private ConflictPolicy conflictPolicy = ConflictPolicy.FAIL;
        private String stateDatabase = "ferry";
        private boolean migrationStarted;
        private java.time.Duration scanBudget;
        private boolean migratesEvents;

        private Builder(Set<MigrationType> types, TableSelection selection) {
            this.types = types;
            this.selection = selection;
        }

        public Builder source(Endpoint value) {
            this.source = value;
            return this;
        }

        public Builder destination(Endpoint value) {
            this.destination = value;
            return this;
        }

        public Builder readerServerId(Long value) {
            this.readerServerId = value;
            return this;
        }

        /** The migration's selection and names (columns, tables, databases); by default the selection under the source's names. */
        public Builder mapping(ObjectMapping value) {
            this.mapping = value;
            return this;
        }

        /** Object mapping's conflict policy; {@link ConflictPolicy#FAIL} by default. */
        public Builder conflictPolicy(ConflictPolicy value) {
            this.conflictPolicy = value;
            return this;
        }

        public Builder stateDatabase(String value) {
            this.stateDatabase = value;
            return this;
        }

        /** Whether schema migration creates events too ({@code schema.events}); false by default. */
        public Builder migratesEvents(boolean value) {
            this.migratesEvents = value;
            return this;
        }

        public Builder migrationStarted(boolean value) {
            this.migrationStarted = value;
            return this;
        }

        /**
         * The most time all data scans of the run may take together (each scan gets what remains, as
         * {@code MAX_EXECUTION_TIME}); null, the default, for no limit. Scans cut short are reported as not verified.
         */
        public Builder scanBudget(java.time.Duration value) {
            this.scanBudget = value;
            return this;
        }

        public PrecheckContext build() {
            return new PrecheckContext(this);
        }
    }
}
