//! Shell conventions: completion scripts, the manual page, and the notices
//! of the data compiled in.

use crate::util::*;

#[test]
fn completion_scripts_for_every_shell_name_the_commands() {
    let env = TestEnv::new();
    for (shell, marker) in [
        ("bash", "_newsidx()"),
        ("zsh", "#compdef newsidx"),
        ("fish", "complete -c newsidx"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = env.run(&["completions", shell]);
        assert_exit(&out, 0);
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(marker), "{shell}: no {marker:?}");
        for word in ["build", "search", "corpus-moved", "allow-removals"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    assert_exit(&env.run(&["completions", "tcsh"]), 2);
    // A closed pipe ends quietly.
    let mut child = env
        .command(&["completions", "bash"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(!stderr(&out).contains("internal error"), "{}", stderr(&out));
}

#[test]
fn the_manual_page_is_roff_with_every_command() {
    let out = TestEnv::new().run(&["man"]);
    assert_exit(&out, 0);
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with(".ie") || page.contains(".TH newsidx"), "{}", &page[..200]);
    for command in ["build", "search", "kwic", "timeline", "export", "check"] {
        assert!(page.contains(command), "the man page lacks {command}");
    }
}

#[test]
fn about_and_version_name_the_licence_and_every_data_source() {
    let env = TestEnv::new();
    let out = env.run(&["about"]);
    assert_exit(&out, 0);
    let text = String::from_utf8(out.stdout).unwrap();
    for source in [
        "MIT OR Apache-2.0",
        "OpenTaal",
        "wordfreq",
        "CC BY-SA 4.0",
        "SUBTLEX-NL",
        "Snowball",
        "Natural Earth",
        "CLDR",
        "Centraal Bureau voor de Statistiek",
        "Statbel",
        "Faker",
        "entity model",
    ] {
        assert!(text.contains(source), "`newsidx about` does not name {source}");
    }
    let version = String::from_utf8(env.run(&["--version"]).stdout).unwrap();
    assert!(
        version.contains("OpenTaal")
            && version.contains("wordfreq")
            && version.contains("newsidx about"),
        "{version}"
    );
}
