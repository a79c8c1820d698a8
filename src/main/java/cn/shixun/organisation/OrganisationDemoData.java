package cn.shixun.organisation;

import static cn.shixun.organisation.OrganisationLevel.CITY;
import static cn.shixun.organisation.OrganisationLevel.COUNTY;
import static cn.shixun.organisation.OrganisationLevel.PROVINCE;
import static cn.shixun.organisation.SchoolKind.CITY_DIRECT;
import static cn.shixun.organisation.SchoolKind.COUNTY_SCHOOL;
import static cn.shixun.organisation.SchoolKind.PROVINCE_DIRECT;
import static cn.shixun.organisation.Stage.JUNIOR_MIDDLE;
import static cn.shixun.organisation.Stage.KINDERGARTEN;
import static cn.shixun.organisation.Stage.PRIMARY;
import static cn.shixun.organisation.Stage.SENIOR_HIGH;
import static cn.shixun.organisation.Stage.SPECIAL_EDUCATION;
import static cn.shixun.organisation.Stage.VOCATIONAL;

import cn.shixun.shared.DemoDataOrder;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo regions every module agrees on (real division codes), their schools and the
 * training providers. Runs only on an empty organisation table, so a restarted file database
 * keeps what it has.
 */
@Component
@Order(DemoDataOrder.ORGANISATIONS_AND_TEACHERS)
@ConditionalOnProperty(name = "shixun.demo-data.enabled", havingValue = "true")
class OrganisationDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrganisationDemoData.class);

    record Region(String code, String name, OrganisationLevel level, String parentCode, String profile) {
    }

    /** A school; its registration authority is named by code. */
    record School(String code, String name, String parentCode, SchoolKind kind, Set<Stage> stages, String authorityCode) {
    }

    record Provider(String name, ProviderKind kind, boolean guopei, String countyCode) {
    }

    static final List<Region> REGIONS = List.of(
            new Region("410000", "河南省", PROVINCE, null, "henan-2016"),
            new Region("410100", "郑州市", CITY, "410000", null),
            new Region("410102", "中原区", COUNTY, "410100", null),
            new Region("410103", "二七区", COUNTY, "410100", null),
            new Region("410105", "金水区", COUNTY, "410100", null),
            new Region("410700", "新乡市", CITY, "410000", null),
            new Region("410702", "红旗区", COUNTY, "410700", null),
            new Region("410703", "卫滨区", COUNTY, "410700", null),
            new Region("410200", "开封市", CITY, "410000", null),
            new Region("410202", "龙亭区", COUNTY, "410200", null),
            new Region("410204", "鼓楼区", COUNTY, "410200", null),
            new Region("411200", "三门峡市", CITY, "410000", "sanmenxia-2023"),
            new Region("411202", "湖滨区", COUNTY, "411200", null),
            new Region("411221", "渑池县", COUNTY, "411200", null),
            new Region("530000", "云南省", PROVINCE, null, null),
            new Region("530100", "昆明市", CITY, "530000", "kunming-2015"),
            new Region("530102", "五华区", COUNTY, "530100", null),
            new Region("530103", "盘龙区", COUNTY, "530100", null),
            new Region("530111", "官渡区", COUNTY, "530100", null));

    static final List<School> SCHOOLS = List.of(
            // Province- and city-direct schools and their R-04 authorities.
            new School("4100000001", "河南省实验中学", "410000", PROVINCE_DIRECT, EnumSet.of(JUNIOR_MIDDLE, SENIOR_HIGH), "410100"),
            new School("4100000002", "河南省实验幼儿园", "410000", PROVINCE_DIRECT, EnumSet.of(KINDERGARTEN), "410105"),
            new School("4101000001", "郑州市第一中学", "410100", CITY_DIRECT, EnumSet.of(JUNIOR_MIDDLE, SENIOR_HIGH), "410100"),
            new School("4101000002", "郑州市直属机关幼儿园", "410100", CITY_DIRECT, EnumSet.of(KINDERGARTEN), "410105"),
            new School("4101000003", "郑州外国语学校", "410100", CITY_DIRECT, EnumSet.of(JUNIOR_MIDDLE, SENIOR_HIGH), "410100"),
            new School("5301000001", "昆明市第一中学", "530100", CITY_DIRECT, EnumSet.of(JUNIOR_MIDDLE, SENIOR_HIGH), "530100"),
            // County schools, registered by their own county.
            county("4101020001", "郑州市中原区伏牛路小学", PRIMARY),
            county("4101020002", "郑州市中原区建设路第二小学", PRIMARY),
            county("4101020003", "郑州市中原区第一初级中学", JUNIOR_MIDDLE),
            county("4101020004", "郑州市中原区实验幼儿园", KINDERGARTEN),
            county("4101030001", "郑州市二七区长江东路小学", PRIMARY),
            county("4101030002", "郑州市二七区第一初级中学", JUNIOR_MIDDLE),
            county("4101030003", "郑州市二七区实验幼儿园", KINDERGARTEN),
            county("4101050001", "郑州市金水区文化路第一小学", PRIMARY),
            county("4101050002", "郑州市金水区纬五路第一小学", PRIMARY),
            county("4101050003", "郑州市金水区第一初级中学", JUNIOR_MIDDLE),
            county("4101050004", "郑州市金水区实验幼儿园", KINDERGARTEN),
            county("4107020001", "新乡市红旗区实验小学", PRIMARY),
            county("4107020002", "新乡市红旗区第一初级中学", JUNIOR_MIDDLE),
            county("4107020003", "新乡市红旗区实验幼儿园", KINDERGARTEN),
            county("4107030001", "新乡市卫滨区平原路小学", PRIMARY),
            county("4107030002", "新乡市卫滨区第一中学", JUNIOR_MIDDLE, SENIOR_HIGH),
            county("4107030003", "新乡市卫滨区中心幼儿园", KINDERGARTEN),
            county("4102020001", "开封市龙亭区实验小学", PRIMARY),
            county("4102020002", "开封市龙亭区第一初级中学", JUNIOR_MIDDLE),
            county("4102020003", "开封市龙亭区实验幼儿园", KINDERGARTEN),
            county("4102040001", "开封市鼓楼区实验小学", PRIMARY),
            county("4102040002", "开封市鼓楼区第二初级中学", JUNIOR_MIDDLE),
            county("4102040003", "开封市鼓楼区特殊教育学校", SPECIAL_EDUCATION),
            county("4112020001", "三门峡市湖滨区实验小学", PRIMARY),
            county("4112020002", "三门峡市湖滨区第一初级中学", JUNIOR_MIDDLE),
            county("4112020003", "三门峡市湖滨区实验幼儿园", KINDERGARTEN),
            county("4112210001", "渑池县实验小学", PRIMARY),
            county("4112210002", "渑池县高级中学", SENIOR_HIGH),
            county("4112210003", "渑池县第一初级中学", JUNIOR_MIDDLE),
            county("4112210004", "渑池县职业教育中心", VOCATIONAL),
            county("5301020001", "昆明市五华区武成小学", PRIMARY),
            county("5301020002", "昆明市五华区红旗小学", PRIMARY),
            county("5301020003", "昆明市五华区第一中学", JUNIOR_MIDDLE, SENIOR_HIGH),
            county("5301020004", "昆明市五华区实验幼儿园", KINDERGARTEN),
            county("5301030001", "昆明市盘龙区东华小学", PRIMARY),
            county("5301030002", "昆明市盘龙区第一中学", JUNIOR_MIDDLE, SENIOR_HIGH),
            county("5301030003", "昆明市盘龙区实验幼儿园", KINDERGARTEN),
            county("5301110001", "昆明市官渡区第一小学", PRIMARY),
            county("5301110002", "昆明市官渡区第一中学", JUNIOR_MIDDLE, SENIOR_HIGH),
            county("5301110003", "昆明市官渡区职业高级中学", VOCATIONAL));

    static final List<Provider> PROVIDERS = List.of(
            new Provider("河南师范大学", ProviderKind.NORMAL_UNDERGRADUATE, true, null),
            new Provider("郑州师范学院", ProviderKind.NORMAL_UNDERGRADUATE, true, null),
            new Provider("河南大学", ProviderKind.NORMAL_UNDERGRADUATE, true, null),
            new Provider("陕西师范大学", ProviderKind.NORMAL_UNDERGRADUATE, true, null),
            new Provider("云南师范大学", ProviderKind.NORMAL_UNDERGRADUATE, true, null),
            new Provider("昆明学院", ProviderKind.NORMAL_UNDERGRADUATE, true, null),
            new Provider("中国教师教育网", ProviderKind.ONLINE_PLATFORM, true, null),
            new Provider("郑州幼儿师范高等专科学校", ProviderKind.NORMAL_JUNIOR_COLLEGE, true, null),
            new Provider("金水区教师进修学校", ProviderKind.COUNTY_TRAINING_SCHOOL, false, "410105"),
            new Provider("渑池县教师进修学校", ProviderKind.COUNTY_TRAINING_SCHOOL, false, "411221"),
            new Provider("郑州启航教育咨询有限公司", ProviderKind.OTHER, false, null));

    private final Organisations organisations;
    private final OrganisationRepository repository;
    private final TrainingProviders providers;

    OrganisationDemoData(Organisations organisations, OrganisationRepository repository, TrainingProviders providers) {
        this.organisations = organisations;
        this.repository = repository;
        this.providers = providers;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (repository.count() > 0) {
            log.info("Organisations already present, demo organisations skipped");
            return;
        }
        for (Region region : REGIONS) {
            organisations.createRegion(region.code(), region.name(), region.level(), idOf(region.parentCode()), region.profile());
        }
        for (School school : SCHOOLS) {
            organisations.createSchool(school.code(), school.name(), idOf(school.parentCode()), school.stages(), school.kind(),
                    idOf(school.authorityCode()));
        }
        for (Provider provider : PROVIDERS) {
            providers.register(provider.name(), provider.kind(), provider.guopei(), idOf(provider.countyCode()));
        }
        log.info("Demo data: {} regions, {} schools, {} training providers", REGIONS.size(), SCHOOLS.size(), PROVIDERS.size());
    }

    private Long idOf(String code) {
        return code == null ? null : repository.findByCode(code).orElseThrow().getId();
    }

    /** A county school: the parent and the registration authority are the county in the code's first six digits. */
    private static School county(String code, String name, Stage stage, Stage... more) {
        String countyCode = code.substring(0, 6);
        return new School(code, name, countyCode, COUNTY_SCHOOL, EnumSet.of(stage, more), countyCode);
    }
}
