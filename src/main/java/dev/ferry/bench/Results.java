package dev.ferry.bench;

import java.util.ArrayList;
import java.util.List;

/** Every measurement and every arm failure of one bench run. */
final class Results {
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<ArmFailure> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final BenchLog log;

    Results(BenchLog log) {
        this.log = log;
    }

    synchronized void add(Measurement measurement) {
        measurements.add(measurement);
    }

    /** Records a failed arm and says so loudly; the bench goes on with the other arms and exits non-zero. */
    synchronized void failed(String workload, String arm, Exception e) {
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        failures.add(new ArmFailure(workload, arm, reason));
        log.say("!! ARM FAILED: %s / %s: %s", workload, arm, reason);
    }

    synchronized void note(String text) {
        notes.add(text);
    }

    synchronized List<Measurement> measurements() {
        return List.copyOf(measurements);
    }

    synchronized List<ArmFailure> failures() {
        return List.copyOf(failures);
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }
}
