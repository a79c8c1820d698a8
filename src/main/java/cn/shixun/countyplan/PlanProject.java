package cn.shixun.countyplan;

import cn.shixun.organisation.Stage;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One project of a county plan (R-32: name, mode, stage, headcount, course schedule) and, once
 * trained, its summary: the hours delivered, the training dates, the sign-in sheet and the
 * participants.
 */
@Entity
@Table(name = "county_plan_project")
public class PlanProject {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private int seq;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "training_mode", nullable = false)
    private TrainingMode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stage stage;

    /** A county-level famous/backbone teacher project: it may run only after the city's review. */
    @Column(name = "key_teacher", nullable = false)
    private boolean keyTeacher;

    @Column(nullable = false)
    private int headcount;

    @Column(name = "course_schedule", nullable = false)
    private String courseSchedule;

    @Column(name = "delivered_hours")
    private BigDecimal deliveredHours;

    @Column(name = "training_start")
    private LocalDate trainingStart;

    @Column(name = "training_end")
    private LocalDate trainingEnd;

    @Column(name = "sign_in_sheet")
    private String signInSheet;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "county_plan_participant", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "list_index")
    private List<Participant> participants = new ArrayList<>();

    protected PlanProject() {
        // for JPA
    }

    PlanProject(int seq, String name, TrainingMode mode, Stage stage, boolean keyTeacher, int headcount,
                String courseSchedule) {
        this.seq = seq;
        this.name = name;
        this.mode = mode;
        this.stage = stage;
        this.keyTeacher = keyTeacher;
        this.headcount = headcount;
        this.courseSchedule = courseSchedule;
    }

    public Long getId() {
        return id;
    }

    public int seq() {
        return seq;
    }

    public String name() {
        return name;
    }

    public TrainingMode mode() {
        return mode;
    }

    public Stage stage() {
        return stage;
    }

    public boolean keyTeacher() {
        return keyTeacher;
    }

    public int headcount() {
        return headcount;
    }

    public String courseSchedule() {
        return courseSchedule;
    }

    public BigDecimal deliveredHours() {
        return deliveredHours;
    }

    public LocalDate trainingStart() {
        return trainingStart;
    }

    public LocalDate trainingEnd() {
        return trainingEnd;
    }

    public String signInSheet() {
        return signInSheet;
    }

    public List<Participant> participants() {
        return List.copyOf(participants);
    }

    /** The evidence number every participant's ledger entry of this project carries. */
    public String evidenceNumber(Long planId) {
        return "CP" + planId + "-" + seq;
    }

    void reported(BigDecimal hours, LocalDate start, LocalDate end, String sheet, List<Participant> people) {
        this.deliveredHours = hours;
        this.trainingStart = start;
        this.trainingEnd = end;
        this.signInSheet = sheet;
        this.participants.clear();
        this.participants.addAll(people);
    }

    List<Participant> participantsForUpdate() {
        return participants;
    }

    /** One line for the history: what was planned, and what was reported if anything. */
    String describe() {
        String planned = seq + ". " + name + "（" + stage.label() + "，" + mode.label() + (keyTeacher ? "，名师骨干" : "")
                + "，" + headcount + "人）";
        if (deliveredHours == null) {
            return planned;
        }
        return planned + " 实训" + deliveredHours.stripTrailingZeros().toPlainString() + "学时，" + trainingStart + "至"
                + trainingEnd + "，参训" + participants.size() + "人";
    }
}
