/**
 * Administration (docs/administration.md): the system administrators' pages for accounts, organisations
 * and training providers, each action checked against the administrator's scope from our records and
 * audited. A provincial administrator acts in the tree under their province; the platform administrator
 * (a system administrator with no organisation) in every province. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Administration")
package cn.shixun.admin;
