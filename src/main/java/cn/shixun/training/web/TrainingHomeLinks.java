package cn.shixun.training.web;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.HomeLink;
import cn.shixun.security.HomeLinks;
import cn.shixun.security.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/** 校外培训: a teacher's own applications; a school administrator's list of the school's. */
@Component
class TrainingHomeLinks implements HomeLinks {

    @Override
    public List<HomeLink> linksFor(CurrentAccount account) {
        if (account.isTeacher()) {
            return List.of(new HomeLink("home.link.trainings", "home.link.trainings.description", "/my/trainings", 130));
        }
        if (account.is(Role.SCHOOL_ADMIN)) {
            return List.of(new HomeLink("home.link.school-trainings", "home.link.school-trainings.description",
                    "/trainings", 130));
        }
        return List.of();
    }
}
