use std::process::ExitCode;

/// jemalloc instead of glibc's malloc: an Argon2id hash (staff logins) takes one 19 MiB block,
/// and glibc, after the first such block is freed, raises its mmap threshold and keeps later ones
/// in per-thread heaps it does not give back — 20 parallel logins left the process holding three
/// 58 MiB heaps for good. jemalloc serves blocks that large from an arena it purges at once, so
/// the memory goes back when the login is done; mimalloc, also tried, kept 104 MiB resident (measured in
/// docs/performance.md).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    lookout::cli::main()
}
