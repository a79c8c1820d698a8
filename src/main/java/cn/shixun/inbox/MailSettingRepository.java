package cn.shixun.inbox;

import org.springframework.data.jpa.repository.JpaRepository;

interface MailSettingRepository extends JpaRepository<MailSetting, String> {
}
