/**
 * Policy profiles (R-07..R-24): which profile version applies to a teacher, the cycle it
 * gives, the requirements it sets, and how many hours a claim earns. The rules officials
 * sign off live in DMN tables under {@code processes/}; this module aggregates.
 */
package cn.shixun.policy;
