package org.casetrail.api.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.casetrail.api.identity.Caller;
import org.casetrail.api.identity.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is calling: the dashboard shows each reader the views their roles open, and checks a sign-in with it. */
@RestController
class CallerController {

    record Me(String user, List<String> roles) {
    }

    @Operation(summary = "The caller: their name and roles (none for the public)",
            description = "Wrong credentials are a 401, so a client can check a sign-in with it.")
    @GetMapping("/api/v1/me")
    Me me() {
        Caller caller = Caller.current();
        return new Me(caller.name(), caller.roles().stream().map(Role::label).sorted().toList());
    }
}
