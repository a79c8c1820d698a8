/**
 * Training not organised by an education authority: the
 * teacher's prior application, the school's consent before the training starts, the completion
 * evidence reviewed by the school and the registration authority in the
 * {@code externalTrainingApproval} process, and the hours registered through the teacher's
 * policy profile. Other modules use {@link cn.shixun.training.ExternalTrainings}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "External training")
package cn.shixun.training;
