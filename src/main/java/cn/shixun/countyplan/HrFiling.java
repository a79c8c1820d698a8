package cn.shixun.countyplan;

import java.time.LocalDate;

/**
 * The HR bureau's filing of a plan (Sanmenxia 五(一): the plan goes to the education bureau and
 * the HR bureau), recorded by the city: which bureau, its receipt number, the day it was filed.
 */
public record HrFiling(String hrBureau, String receiptNumber, LocalDate filedOn) {
}
