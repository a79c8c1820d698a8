package cn.shixun.policy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A request to credit hours: one certificate, transcript, proof or notice. Which fields matter
 * depends on the kind; the calculator names the field at fault when one is missing or wrong.
 *
 * @param endDate           the completion date (the date of the entry); for a degree, the date obtained
 * @param startDate         first day of the training (or of the degree study, R-16)
 * @param hours             hours stated on the certificate or notice
 * @param days              training days, where no hours are stated
 * @param units             study years, subjects passed, sessions, years of support (default 1)
 * @param role              master-teacher base role: CONVENER or MEMBER
 * @param hoursFromScreenshot MOOC hours read by the school administrator from the account
 */
public record Claim(ClaimKind kind, String title, LocalDate startDate, LocalDate endDate, BigDecimal hours,
                    Integer days, Integer units, String role, boolean excellent, Integer classSize,
                    Integer excellentCount, DegreeLevel degreeLevel, Boolean subjectRelated, Boolean nationalSeries,
                    boolean remedial, Boolean approvedByEducationAuthority, String certificateKind,
                    boolean processMaterials, Integer sessions, Integer score, Boolean realName,
                    boolean hoursFromScreenshot, String screenshotRef, Boolean passed) {

    public static Builder of(ClaimKind kind, LocalDate endDate) {
        return new Builder(kind, endDate);
    }

    /** Fluent construction for code (tests, demo data); the API binds the record from JSON. */
    public static final class Builder {
        private final ClaimKind kind;
        private final LocalDate endDate;
        private String title;
        private LocalDate startDate;
        private BigDecimal hours;
        private Integer days;
        private Integer units;
        private String role;
        private boolean excellent;
        private Integer classSize;
        private Integer excellentCount;
        private DegreeLevel degreeLevel;
        private Boolean subjectRelated;
        private Boolean nationalSeries;
        private boolean remedial;
        private Boolean approved;
        private String certificateKind;
        private boolean processMaterials;
        private Integer sessions;
        private Integer score;
        private Boolean realName;
        private boolean hoursFromScreenshot;
        private String screenshotRef;
        private Boolean passed;

        private Builder(ClaimKind kind, LocalDate endDate) {
            this.kind = kind;
            this.endDate = endDate;
        }

        public Builder title(String value) { this.title = value; return this; }
        public Builder from(LocalDate value) { this.startDate = value; return this; }
        public Builder hours(String value) { this.hours = new BigDecimal(value); return this; }
        public Builder days(int value) { this.days = value; return this; }
        public Builder units(int value) { this.units = value; return this; }
        public Builder role(String value) { this.role = value; return this; }
        public Builder excellent(int count, int ofClassSize) {
            this.excellent = true;
            this.excellentCount = count;
            this.classSize = ofClassSize;
            return this;
        }
        public Builder degree(DegreeLevel level) { this.degreeLevel = level; return this; }
        public Builder subjectRelated(boolean value) { this.subjectRelated = value; return this; }
        public Builder nationalSeries(boolean value) { this.nationalSeries = value; return this; }
        public Builder remedial() { this.remedial = true; return this; }
        public Builder approved(boolean value) { this.approved = value; return this; }
        public Builder certificate(String value) { this.certificateKind = value; return this; }
        public Builder processMaterials() { this.processMaterials = true; return this; }
        public Builder sessions(int value) { this.sessions = value; return this; }
        public Builder score(int value) { this.score = value; return this; }
        public Builder realName(boolean value) { this.realName = value; return this; }
        public Builder screenshot(String ref) { this.hoursFromScreenshot = true; this.screenshotRef = ref; return this; }
        public Builder passed(boolean value) { this.passed = value; return this; }

        public Claim build() {
            return new Claim(kind, title, startDate, endDate, hours, days, units, role, excellent, classSize,
                    excellentCount, degreeLevel, subjectRelated, nationalSeries, remedial, approved, certificateKind,
                    processMaterials, sessions, score, realName, hoursFromScreenshot, screenshotRef, passed);
        }
    }
}
