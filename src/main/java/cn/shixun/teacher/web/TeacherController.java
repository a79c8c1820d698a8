package cn.shixun.teacher.web;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.TeacherScope;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.TeacherTransfer;
import cn.shixun.teacher.Teachers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "teachers", description = "教师、调动、离岗 (R-01, R-11, R-37)")
@RestController
@RequestMapping("/api/teachers")
class TeacherController {

    static final int MAX_PAGE_SIZE = 100;

    record HireRequest(String staffNumber, String name, String gender, Long schoolId, Stage stage, String subject,
                       String qualificationCertificateNumber, LocalDate hireDate) {
    }

    record TransferRequest(Long toSchoolId, LocalDate effectiveOn) {
    }

    record LeaveRequest(LocalDate leftOn) {
    }

    record TransferView(Long id, Long fromSchoolId, String fromSchoolName, Long toSchoolId, String toSchoolName,
                        LocalDate effectiveOn, Instant recordedAt, String recordedBy) {
    }

    record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
    }

    private final Teachers teachers;
    private final Organisations organisations;
    private final TeacherScope scope;
    private final Clock clock;

    TeacherController(Teachers teachers, Organisations organisations, TeacherScope scope, Clock clock) {
        this.clock = clock;
        this.teachers = teachers;
        this.organisations = organisations;
        this.scope = scope;
    }

    @Operation(summary = "Teachers in the caller's scope, optionally of one school, matching q (name part or staff-number prefix); paged, by staff number")
    @GetMapping
    PageView<TeacherView> search(@RequestParam(required = false) Long schoolId, @RequestParam(required = false) String q,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw BusinessRuleException.violation(null, "page", "teacher.page-invalid", page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw BusinessRuleException.violation(null, "size", "teacher.page-size-invalid", size, MAX_PAGE_SIZE);
        }
        Page<Teacher> found = teachers.search(scope.visibleTeachers(), schoolId, q, PageRequest.of(page, size, Sort.by("staffNumber")));
        return new PageView<>(found.getContent().stream().map(this::view).toList(), page, size, found.getTotalElements(),
                found.getTotalPages());
    }

    @GetMapping("/{id}")
    TeacherView one(@PathVariable Long id) {
        return view(teachers.require(visible(id)));
    }

    @Operation(summary = "Put a teacher on file")
    @PostMapping
    ResponseEntity<TeacherView> hire(@RequestBody HireRequest request) {
        if (request.schoolId() != null && organisations.find(request.schoolId()).isPresent()
                && !scope.coversSchool(request.schoolId())) {
            throw new AccessDeniedException("school " + request.schoolId() + " is outside the caller's scope");
        }
        Teacher teacher = teachers.hire(request.staffNumber(), request.name(), request.gender(), request.schoolId(),
                request.stage(), request.subject(), request.qualificationCertificateNumber(), request.hireDate());
        return ResponseEntity.created(URI.create("/api/teachers/" + teacher.getId())).body(view(teacher));
    }

    @Operation(summary = "Move the teacher to another school (R-37); the hours follow the teacher")
    @PostMapping("/{id}/transfers")
    ResponseEntity<TransferView> transfer(@PathVariable Long id, @RequestBody TransferRequest request, Principal user) {
        TeacherTransfer move = teachers.transfer(visible(id), request.toSchoolId(), request.effectiveOn(), user.getName());
        return ResponseEntity.created(URI.create("/api/teachers/" + id + "/transfers")).body(view(move));
    }

    @Operation(summary = "The teacher's moves between schools, oldest first (R-37)")
    @GetMapping("/{id}/transfers")
    List<TransferView> transfers(@PathVariable Long id) {
        return teachers.transfers(visible(id)).stream().map(this::view).toList();
    }

    @Operation(summary = "The teacher leaves post; kept on file, no longer registrable (R-01)")
    @PostMapping("/{id}/leaving")
    TeacherView leave(@PathVariable Long id, @RequestBody LeaveRequest request) {
        return view(teachers.leavePost(visible(id), request.leftOn()));
    }

    /** A teacher outside the caller's scope is answered like one that does not exist (docs/security.md). */
    private Long visible(Long id) {
        if (!scope.coversTeacher(id)) {
            throw BusinessRuleException.notFound("teacherId", "teacher.not-found", id);
        }
        return id;
    }

    private TeacherView view(Teacher teacher) {
        return TeacherView.of(teacher, schoolName(teacher.schoolId()), LocalDate.now(clock));
    }

    private TransferView view(TeacherTransfer move) {
        return new TransferView(move.getId(), move.fromSchoolId(), schoolName(move.fromSchoolId()), move.toSchoolId(),
                schoolName(move.toSchoolId()), move.effectiveOn(), move.recordedAt(), move.recordedBy());
    }

    private String schoolName(Long schoolId) {
        return organisations.find(schoolId).map(Organisation::name).orElse(null);
    }
}
