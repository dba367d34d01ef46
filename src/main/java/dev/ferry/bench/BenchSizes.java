package dev.ferry.bench;

import java.util.List;

/**
 * How much each workload moves and how often each arm runs. {@link #full()} is the published bench
 * (under 30 minutes on 2 cores); {@link #quick()} is a seconds-long smoke that proves every arm works.
 *
 * @param narrowTables sysbench tables of the narrow full load
 * @param narrowRowsPerTable rows per narrow table
 * @param debeziumNarrowRows rows in the narrow set Debezium's pair copies (it is ~10x slower, so smaller)
 * @param wideRows ~4 KB rows of the wide full load
 * @param debeziumWideRows rows in the wide set Debezium's pair copies
 * @param runs runs per arm
 * @param debeziumRuns runs per Debezium arm
 * @param steadyRates sysbench {@code --rate} values; 0 is open loop
 * @param steadySeconds measured seconds per rate
 * @param steadyRowsPerTable rows per table of the steady and catch-up sets (4 tables)
 * @param catchUpTransactions oltp_write_only transactions in Ferry's catch-up backlog (4 row changes each)
 * @param replicaCatchUpTransactions the backlog MySQL's replicas drain (they commit each transaction with an
 *        fsync, ~1k trx/s here, so Ferry's backlog would take them minutes per run)
 * @param debeziumCatchUpTransactions the backlog Debezium's pair drains
 */
record BenchSizes(int narrowTables, int narrowRowsPerTable, int debeziumNarrowRows, int wideRows, int debeziumWideRows,
        int runs, int debeziumRuns, List<Integer> steadyRates, int steadySeconds, int steadyRowsPerTable,
        int catchUpTransactions, int replicaCatchUpTransactions, int debeziumCatchUpTransactions) {

    static BenchSizes full() {
        return new BenchSizes(4, 250_000, 100_000, 200_000, 20_000, 3, 3,
                List.of(500, 1000, 2000, 4000, 0), 10, 25_000, 250_000, 20_000, 10_000);
    }

    static BenchSizes quick() {
        return new BenchSizes(2, 2_000, 1_000, 500, 200, 1, 1, List.of(200, 0), 2, 1_000, 1_000, 300, 300);
    }

    /** The same runs and rates, with every row count and backlog multiplied by {@code factor}. */
    BenchSizes scaled(double factor) {
        return new BenchSizes(narrowTables, scale(narrowRowsPerTable, factor), scale(debeziumNarrowRows, factor),
                scale(wideRows, factor), scale(debeziumWideRows, factor), runs, debeziumRuns, steadyRates, steadySeconds,
                scale(steadyRowsPerTable, factor), scale(catchUpTransactions, factor), scale(replicaCatchUpTransactions, factor),
                scale(debeziumCatchUpTransactions, factor));
    }

    private static int scale(int value, double factor) {
        return Math.max(1, (int) Math.round(value * factor));
    }

    long narrowRows() {
        return (long) narrowTables * narrowRowsPerTable;
    }
}
