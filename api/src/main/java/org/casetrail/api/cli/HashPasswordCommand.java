package org.casetrail.api.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import picocli.CommandLine.Command;

@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Read a password (typed twice at a terminal, or one line on standard input) and print its hash "
                + "for casetrail.security.users.<name>.password, e.g. {bcrypt}$2a$10$...")
class HashPasswordCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        char[] password;
        Console console = System.console();
        if (console != null) {
            password = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            if (password == null || !Arrays.equals(password, again)) {
                System.err.println("The two passwords differ; nothing was printed.");
                return 1;
            }
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password.length == 0) {
            System.err.println("An empty password is not accepted.");
            return 1;
        }
        System.out.println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(new String(password)));
        Arrays.fill(password, ' ');
        return 0;
    }
}
