package io.socialmall.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import io.socialmall.core.DomainException;

/**
 * Signs a person into the page session, or refreshes the session after their roles changed (a new
 * supplier, a new reseller), so the next page sees the new roles without signing in again.
 */
@Component
public class Sessions {

	private final Accounts accounts;
	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	Sessions(Accounts accounts) {
		this.accounts = accounts;
	}

	public void signIn(long accountId, HttpServletRequest request, HttpServletResponse response) {
		var user = accounts.currentUser(accountId).orElseThrow(() -> DomainException.notFound("account"));
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication(user));
		SecurityContextHolder.setContext(context);
		repository.saveContext(context, request, response);
	}

	/** The authentication every entry point (form, token, session) gives a signed-in person. */
	public static UsernamePasswordAuthenticationToken authentication(CurrentUser user) {
		List<SimpleGrantedAuthority> authorities = user.roles()
			.stream()
			.map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}
}
