package cn.shixun.models;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The repository's files held back at start-up, for the process owner's console to show under 待处理. */
@Component
public class HeldModels {

    private final JdbcTemplate jdbc;

    HeldModels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every held file, by file name. */
    public List<HeldModel> all() {
        return jdbc.query("SELECT resource_name, held_version_tag, held_at, held_for_deployment FROM model_seed "
                        + "WHERE held_checksum IS NOT NULL ORDER BY resource_name",
                (row, n) -> new HeldModel(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
                        row.getString(4)));
    }
}
