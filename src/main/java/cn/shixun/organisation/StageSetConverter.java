package cn.shixun.organisation;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a school's stages as a comma-separated column, e.g. {@code PRIMARY,JUNIOR_MIDDLE}. */
@Converter
class StageSetConverter implements AttributeConverter<Set<Stage>, String> {

    @Override
    public String convertToDatabaseColumn(Set<Stage> stages) {
        if (stages == null || stages.isEmpty()) {
            return null;
        }
        return stages.stream().sorted().map(Stage::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<Stage> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return EnumSet.noneOf(Stage.class);
        }
        return Arrays.stream(column.split(","))
                .map(String::trim)
                .map(Stage::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Stage.class)));
    }
}
