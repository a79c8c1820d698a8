/**
 * Who is signed in and what they may see: local accounts (BCrypt) behind Spring Security's
 * {@code UserDetailsService}, the roles, and the organisation-scoped access primitive
 * ({@link cn.shixun.security.AccessScope}). Other modules use {@link cn.shixun.security.CurrentAccounts},
 * {@link cn.shixun.security.CurrentAccount}, {@link cn.shixun.security.Role} and
 * {@link cn.shixun.security.AccessScope}; how a person proves who they are (password today,
 * Keycloak/OIDC later) stays inside this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package cn.shixun.security;
