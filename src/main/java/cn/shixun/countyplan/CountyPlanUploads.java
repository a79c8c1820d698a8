package cn.shixun.countyplan;

import cn.shixun.countyplan.PlanSummary.ProjectReport;
import cn.shixun.evidence.EvidenceUploads;
import cn.shixun.security.CurrentAccount;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The training summary with its projects' sign-in sheets uploaded in the same request, as the
 * pages send it: each upload is stored as the county's evidence file in the transaction of the
 * same {@link CountyPlans#reportSummary} the JSON API calls, so a refusal — of a file or of the
 * summary — keeps none. A project without an upload keeps the earlier file its report names.
 */
@Service
public class CountyPlanUploads {

    private final CountyPlans plans;
    private final EvidenceUploads uploads;

    CountyPlanUploads(CountyPlans plans, EvidenceUploads uploads) {
        this.plans = plans;
        this.uploads = uploads;
    }

    /**
     * {@code account} reports plan {@code id}'s training; {@code sheets} holds project {@code i}'s
     * uploaded sheet at index {@code i} (null, or shorter than the projects, where none was chosen).
     * A refused file names {@code projects[i].signInSheet}.
     */
    @Transactional
    public CountyPlan reportSummary(Long id, CurrentAccount account, PlanSummary summary, List<MultipartFile> sheets) {
        if (summary == null || summary.projects() == null) {
            return plans.reportSummary(id, account, summary);
        }
        Long countyId = plans.require(id).countyId();
        List<ProjectReport> reports = new ArrayList<>();
        for (int i = 0; i < summary.projects().size(); i++) {
            ProjectReport report = summary.projects().get(i);
            MultipartFile upload = i < sheets.size() ? sheets.get(i) : null;
            String sheet = uploads.organisationFile(account, countyId, upload, report.signInSheet(),
                    "projects[" + i + "].signInSheet");
            reports.add(new ProjectReport(report.projectId(), report.deliveredHours(), report.trainingStart(),
                    report.trainingEnd(), sheet, report.participants()));
        }
        return plans.reportSummary(id, account, new PlanSummary(summary.summary(), reports));
    }
}
