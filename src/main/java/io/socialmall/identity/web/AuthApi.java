package io.socialmall.identity.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.socialmall.core.DomainException;
import io.socialmall.identity.AccountView;
import io.socialmall.identity.Accounts;
import io.socialmall.identity.ApiTokenView;
import io.socialmall.identity.CurrentUser;
import io.socialmall.identity.NewApiToken;
import io.socialmall.identity.Registration;
import io.socialmall.identity.SupplierApplication;
import io.socialmall.identity.SupplierView;

@RestController
@RequestMapping("/api/v1")
class AuthApi {

	private final Accounts accounts;

	AuthApi(Accounts accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/auth/register")
	@ResponseStatus(HttpStatus.CREATED)
	AccountView register(@Valid @RequestBody Registration registration) {
		return accounts.register(registration);
	}

	/** Signs in with e-mail and password and returns a new bearer token. */
	@PostMapping("/auth/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	NewApiToken createToken(@Valid @RequestBody TokenRequest request) {
		var user = accounts.checkPassword(request.email(), request.password())
			.orElseThrow(() -> new DomainException(HttpStatus.UNAUTHORIZED, "bad-credentials", "wrong e-mail or password"));
		return accounts.createToken(user.id(), request.name() == null ? "API" : request.name());
	}

	@GetMapping("/me")
	AccountView me(@AuthenticationPrincipal CurrentUser user) {
		return accounts.find(user.id()).orElseThrow(() -> DomainException.notFound("account"));
	}

	@GetMapping("/me/tokens")
	List<ApiTokenView> tokens(@AuthenticationPrincipal CurrentUser user) {
		return accounts.tokens(user.id());
	}

	@PostMapping("/me/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	NewApiToken newToken(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NamedToken request) {
		return accounts.createToken(user.id(), request.name());
	}

	@DeleteMapping("/me/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		accounts.revokeToken(user.id(), id);
	}

	@PostMapping("/me/supplier-application")
	@ResponseStatus(HttpStatus.CREATED)
	SupplierView apply(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody SupplierApplication application) {
		return accounts.applyAsSupplier(user.id(), application);
	}

	@GetMapping("/suppliers/{id}")
	SupplierPublic supplier(@PathVariable long id) {
		return accounts.supplier(id)
			.filter(SupplierView::verified)
			.map(s -> new SupplierPublic(s.id(), s.businessName(), s.licenseNumber(), s.businessAddress()))
			.orElseThrow(() -> DomainException.notFound("supplier"));
	}

	@GetMapping("/operator/suppliers")
	List<SupplierView> suppliers(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "PENDING") SupplierView.Status status) {
		return accounts.suppliers(status);
	}

	@PostMapping("/operator/suppliers/{id}/verification")
	SupplierView verify(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return accounts.verifySupplier(user.id(), id);
	}

	@PostMapping("/operator/suppliers/{id}/rejection")
	SupplierView reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody Rejection rejection) {
		return accounts.rejectSupplier(user.id(), id, rejection.reason());
	}

	record TokenRequest(@NotBlank @Email String email, @NotBlank String password, @Size(max = 60) String name) {
	}

	record NamedToken(@NotBlank @Size(max = 60) String name) {
	}

	record Rejection(@NotBlank @Size(max = 200) String reason) {
	}

	/** What the public may know of a supplier: its business information (E-Commerce Law Art. 15). */
	record SupplierPublic(long id, String businessName, String licenseNumber, String businessAddress) {
	}
}
