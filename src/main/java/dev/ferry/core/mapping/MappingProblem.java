package dev.ferry.core.mapping;

/** A reason the migration's selection, mapping or filters cannot work, on the setting that fixes it. */
public record MappingProblem(String configKey, String message) {
}
