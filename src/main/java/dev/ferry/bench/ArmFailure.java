package dev.ferry.bench;

/** An arm of the bench that could not be measured, with the reason; the report lists it. */
record ArmFailure(String workload, String arm, String reason) {
}
