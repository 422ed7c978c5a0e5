//! Links the `newsidx` executable as position-dependent code.
//!
//! A position-independent executable is relocated by the dynamic loader at
//! every start: about 26,000 relocations, writing to every page of tables
//! that hold pointers (the embedded word lists, vtables). `newsidx search` is
//! a whole process per query, and that work was a sixth of its start-up
//! (BENCHMARKS.md). The library, tests and benchmarks are not affected.
fn main() {
    println!("cargo:rustc-link-arg-bins=-no-pie");
}
