package cn.shixun.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fills the comparison keys that V114 added ({@link EvidenceNumbers}; SQL has no NFKC) and
 * re-derives {@code ledger_entry.evidence_key} from them, as {@link Ledger} derives it for a
 * new entry: the number's key, with {@code #n} for the n-th keyed entry of the same key.
 *
 * <p>Rows that collide once normalised (the same certificate registered twice as {@code abc-1}
 * and {@code ABC-1} before this version) are not changed otherwise: the ledger is append-only
 * and the hours were credited by someone's decision. The later entry gets the next suffix, so the
 * unique key holds and the migration never fails; any new registration of that number is refused
 * from now on; the collisions are logged (entry ids) for the registration authority to correct
 * by reversal (R-40). A Spring bean, so that Spring Boot's Flyway runs it.
 */
@Component
class V115__EvidenceNumberKeys extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V115__EvidenceNumberKeys.class);
    /** The width of ledger_entry.evidence_key: a longer key keeps its old value. */
    private static final int KEY_COLUMN = 80;

    private record Row(long id, long teacherId, String number, String oldKey, boolean legacy) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        normalise(context.getConnection());
    }

    /** The migration's body; run again on normalised rows it changes nothing. */
    static void normalise(Connection connection) throws SQLException {
        fillCertificateKeys(connection, "degree_exemption");
        fillCertificateKeys(connection, "external_training");
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, teacher_id, evidence_number, evidence_key, source_type FROM ledger_entry ORDER BY id");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(new Row(result.getLong(1), result.getLong(2), result.getString(3), result.getString(4),
                        "IMPORT".equals(result.getString(5))));
            }
        }
        Map<Long, String> keys = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (Row row : rows) {
            if (row.oldKey() == null) {
                continue; // a reversal: it holds no key
            }
            String base = row.legacy() ? legacyKey(row) : EvidenceNumbers.key(row.number());
            int earlier = seen.merge(row.teacherId() + "\n" + base, 1, Integer::sum) - 1;
            String key = earlier == 0 ? base : base + "#" + (earlier + 1);
            if (base.isEmpty() || key.length() > KEY_COLUMN || !taken.add(row.teacherId() + "\n" + key)) {
                log.warn("Ledger entry {} keeps its evidence key: its normalised key is empty, too long or taken", row.id());
                taken.add(row.teacherId() + "\n" + row.oldKey());
                continue;
            }
            if (earlier > 0 && !row.legacy()) {
                log.warn("Ledger entry {} (teacher {}) has the same evidence number as an earlier entry once normalised"
                        + " ({}): both stay; a registration authority should check them (R-40)", row.id(), row.teacherId(), key);
            }
            if (!key.equals(row.oldKey())) {
                keys.put(row.id(), key);
            }
        }
        try (PreparedStatement norms = connection.prepareStatement(
                "UPDATE ledger_entry SET evidence_norm = ? WHERE id = ?")) {
            for (Row row : rows) {
                if (row.number() != null) {
                    norms.setString(1, EvidenceNumbers.key(row.number()));
                    norms.setLong(2, row.id());
                    norms.addBatch();
                }
            }
            norms.executeBatch();
        }
        // Two passes, so that no row takes a key another row still holds.
        updateKeys(connection, keys, true);
        updateKeys(connection, keys, false);
        log.info("Evidence keys normalised: {} ledger entries read, {} keys changed", rows.size(), keys.size());
    }

    /** The old legacy key was "paper|year|CATEGORY"; the paper evidence part is normalised. */
    private static String legacyKey(Row row) {
        int category = row.oldKey().lastIndexOf('|');
        int year = category < 0 ? -1 : row.oldKey().lastIndexOf('|', category - 1);
        if (year < 0) {
            return row.oldKey();
        }
        return EvidenceNumbers.key(row.oldKey().substring(0, year)) + row.oldKey().substring(year);
    }

    private static void updateKeys(Connection connection, Map<Long, String> keys, boolean clear) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE ledger_entry SET evidence_key = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> key : keys.entrySet()) {
                update.setString(1, clear ? null : key.getValue());
                update.setLong(2, key.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void fillCertificateKeys(Connection connection, String table) throws SQLException {
        Map<Long, String> keys = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, certificate_number FROM " + table + " WHERE certificate_number IS NOT NULL");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                keys.put(result.getLong(1), EvidenceNumbers.key(result.getString(2)));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET certificate_key = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> key : keys.entrySet()) {
                update.setString(1, key.getValue());
                update.setLong(2, key.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
