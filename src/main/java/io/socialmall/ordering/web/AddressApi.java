package io.socialmall.ordering.web;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.socialmall.identity.CurrentUser;
import io.socialmall.ordering.AddressForm;
import io.socialmall.ordering.AddressView;
import io.socialmall.ordering.Addresses;

@RestController
@RequestMapping("/api/v1/addresses")
class AddressApi {

	private final Addresses addresses;

	AddressApi(Addresses addresses) {
		this.addresses = addresses;
	}

	@GetMapping
	List<AddressView> list(@AuthenticationPrincipal CurrentUser user) {
		return addresses.list(user.id());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	AddressView add(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody AddressForm form) {
		return addresses.add(user.id(), form);
	}

	@GetMapping("/{id}")
	AddressView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return addresses.get(user.id(), id);
	}

	@PutMapping("/{id}")
	AddressView change(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody AddressForm form) {
		return addresses.change(user.id(), id, form);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		addresses.delete(user.id(), id);
	}
}
