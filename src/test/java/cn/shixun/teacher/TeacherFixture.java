package cn.shixun.teacher;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import java.util.EnumSet;
import java.util.Set;

/** A small tree for teacher tests: one county with a primary school, a middle school and a second primary school. */
public record TeacherFixture(Organisation county, Organisation primary, Organisation middle, Organisation otherPrimary) {

    public static TeacherFixture create(Organisations organisations, String prefix) {
        Organisation province = organisations.createRegion(prefix + "0000", "省" + prefix, OrganisationLevel.PROVINCE, null, "henan-2016");
        Organisation city = organisations.createRegion(prefix + "0100", "市" + prefix, OrganisationLevel.CITY, province.getId(), null);
        Organisation county = organisations.createRegion(prefix + "0102", "区" + prefix, OrganisationLevel.COUNTY, city.getId(), null);
        Organisation primary = organisations.createSchool(prefix + "01020001", "第一小学" + prefix, county.getId(),
                Set.of(Stage.PRIMARY), SchoolKind.COUNTY_SCHOOL, county.getId());
        Organisation middle = organisations.createSchool(prefix + "01020002", "第一中学" + prefix, county.getId(),
                EnumSet.of(Stage.JUNIOR_MIDDLE, Stage.SENIOR_HIGH), SchoolKind.COUNTY_SCHOOL, county.getId());
        Organisation otherPrimary = organisations.createSchool(prefix + "01020003", "第二小学" + prefix, county.getId(),
                Set.of(Stage.PRIMARY), SchoolKind.COUNTY_SCHOOL, county.getId());
        return new TeacherFixture(county, primary, middle, otherPrimary);
    }
}
