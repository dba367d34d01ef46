package dev.ferry.testkit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimeZoneTablesTest {
    @Test
    void berlinSwitchesToSummerTimeAtOneUtcOnTheLastSundayOfMarch() {
        TimeZoneTables.Zone berlin = TimeZoneTables.zone("Europe/Berlin");
        long spring = Instant.parse("2026-03-29T01:00:00Z").getEpochSecond();
        long autumn = Instant.parse("2026-10-25T01:00:00Z").getEpochSecond();
        TimeZoneTables.Transition toSummer = berlin.transitions().stream().filter(t -> t.epochSecond() == spring).findFirst().orElseThrow();
        TimeZoneTables.Transition toWinter = berlin.transitions().stream().filter(t -> t.epochSecond() == autumn).findFirst().orElseThrow();
        assertThat(berlin.types().get(toSummer.type())).isEqualTo(new TimeZoneTables.TransitionType(7200, true));
        assertThat(berlin.types().get(toWinter.type())).isEqualTo(new TimeZoneTables.TransitionType(3600, false));
    }

    @Test
    void transitionsAreOrderedAndCoverMySqlsTimestampRange() {
        TimeZoneTables.Zone newYork = TimeZoneTables.zone("America/New_York");
        assertThat(newYork.transitions()).isSortedAccordingTo((a, b) -> Long.compare(a.epochSecond(), b.epochSecond()));
        assertThat(newYork.transitions().get(newYork.transitions().size() - 1).epochSecond())
                .isGreaterThan(Instant.parse("2038-01-19T03:14:07Z").getEpochSecond());
        assertThat(newYork.types()).contains(new TimeZoneTables.TransitionType(-18000, false),
                new TimeZoneTables.TransitionType(-14400, true));
    }
}
