package cn.shixun.admin.web;

import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The three forms of the organisations page: a new school, a new city or county, a school moved. */
final class OrganisationForms {

    private OrganisationForms() {
    }

    record SchoolForm(String code, String name, Long parentId, SchoolKind kind, Set<Stage> stages,
                      Long registrationAuthorityId) {

        static final List<String> FIELDS = List.of("code", "name", "parentId", "schoolKind", "stages",
                "registrationAuthorityId");

        static SchoolForm empty() {
            return new SchoolForm(null, null, null, null, EnumSet.noneOf(Stage.class), null);
        }

        /** The stages ticked; none when the form came without any. */
        public Set<Stage> ticked() {
            return stages == null ? EnumSet.noneOf(Stage.class) : stages;
        }
    }

    record RegionForm(String code, String name, OrganisationLevel level, Long parentId, String policyProfile) {

        static final List<String> FIELDS = List.of("code", "name", "level", "parentId", "policyProfile");

        static RegionForm empty() {
            return new RegionForm(null, null, null, null, null);
        }
    }

    record MoveForm(Long schoolId, Long countyId) {

        static final List<String> FIELDS = List.of("schoolId", "countyId");

        static MoveForm empty() {
            return new MoveForm(null, null);
        }
    }
}
