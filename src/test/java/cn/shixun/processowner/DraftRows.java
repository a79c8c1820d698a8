package cn.shixun.processowner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Edits a draft table's text as a process owner would in the editor: one cell of one copied row. */
public final class DraftRows {

    private DraftRows() {
    }

    /**
     * The table with the minimum of requirement {@code code} in its version {@code version} row changed
     * from {@code from} to {@code to}, and the figure in the row's label with it (the label is what
     * teachers read; the policy checks refuse one that says another figure); fails when there is no
     * such row or it does not say {@code from}.
     */
    public static String withMinimum(String table, String code, int version, String from, String to) {
        // Quotes come as &quot; from the repository's files and as " once the copy was written by a DOM.
        Matcher rule = Pattern.compile("<rule id=\"[^\"]+_v" + version + "\">(?:(?!</rule>).)*(?:&quot;|\")" + code
                + "(?:&quot;|\")(?:(?!</rule>).)*</rule>", Pattern.DOTALL).matcher(table);
        assertThat(rule.find()).as("a version " + version + " row of " + code).isTrue();
        String changed = rule.group().replaceFirst("<text>" + from + "</text>", "<text>" + to + "</text>")
                .replace(from + "学时", to + "学时");
        assertThat(changed).as("the row's minimum was " + from).isNotEqualTo(rule.group());
        return table.replace(rule.group(), changed);
    }
}
