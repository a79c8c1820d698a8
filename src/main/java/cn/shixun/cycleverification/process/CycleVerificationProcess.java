package cn.shixun.cycleverification.process;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The thin layer between the module and the engine: starts {@code cycleVerification} for one
 * teacher (business key = verification id) and reads what the school typed into the Tasklist
 * amendment form. Decisions go through the casework ({@code cn.shixun.tasks}).
 */
@Component
public class CycleVerificationProcess {

    public static final String PROCESS_ID = "cycleVerification";
    public static final String COUNTY_RECHECK = "UserTask_CountyRecheck";
    public static final String CITY_CONFIRMATION = "UserTask_CityConfirm";
    public static final String PROVINCE_FILING = "UserTask_ProvinceFiling";
    public static final String SCHOOL_AMEND = "UserTask_SchoolAmend";

    private final RuntimeService runtime;

    CycleVerificationProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts the process for one verification; returns the process instance id. */
    public String start(Long verificationId) {
        return runtime.startProcessInstanceByKey(PROCESS_ID, String.valueOf(verificationId),
                CycleVerificationVariables.atStart(verificationId)).getId();
    }

    /** The note an amendment form left in the process (Tasklist), removed once read: notes live in our tables. */
    public Optional<String> takeNote(String processInstanceId) {
        Object note = runtime.getVariable(processInstanceId, CycleVerificationVariables.NOTE);
        if (note == null) {
            return Optional.empty();
        }
        runtime.removeVariable(processInstanceId, CycleVerificationVariables.NOTE);
        return Optional.of(note.toString());
    }
}
