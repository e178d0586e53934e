//! The one place Argon2id runs: a few dedicated threads, fed through a queue.
//!
//! Each Argon2id hash takes 19 MiB. Run on tokio's blocking pool it would be computed on whichever
//! of up to hundreds of threads is free, and glibc keeps a heap per thread: after a burst the
//! process held about a gigabyte it never gave back. Here only `threads` threads ever hash, so at
//! most that many hashes' memory exists at once, in that many heaps, whatever the load; waiting
//! callers queue on a semaphore without holding a thread.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use tokio::sync::{Semaphore, oneshot};

type Job = Box<dyn FnOnce() + Send>;

#[derive(Debug, thiserror::Error)]
#[error("the password-hashing threads are gone")]
pub struct PoolClosed;

pub struct HashPool {
    jobs: mpsc::Sender<Job>,
    permits: Semaphore,
}

impl HashPool {
    /// Starts `threads` hashing threads (at least one).
    pub fn new(threads: usize) -> Self {
        let threads = threads.max(1);
        let (tx, rx) = mpsc::channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..threads {
            let rx = Arc::clone(&rx);
            let spawned = std::thread::Builder::new()
                .name(format!("lookout-argon2-{i}"))
                .spawn(move || {
                    loop {
                        // The lock is held only to take the next job, never while hashing.
                        let job = match rx.lock() {
                            Ok(rx) => rx.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(),
                            Err(_) => return,
                        }
                    }
                });
            if spawned.is_err() {
                tracing::error!("could not start a password-hashing thread");
            }
        }
        Self {
            jobs: tx,
            permits: Semaphore::new(threads),
        }
    }

    /// Runs `f` on a hashing thread when one is free, and returns its result.
    pub async fn run<T, F>(&self, f: F) -> Result<T, PoolClosed>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        // At most one job per thread is handed over; the rest wait here, as futures.
        let _permit = self.permits.acquire().await.map_err(|_| PoolClosed)?;
        let (done, result) = oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = done.send(f());
        });
        self.jobs.send(job).map_err(|_| PoolClosed)?;
        result.await.map_err(|_| PoolClosed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn runs_jobs_on_its_own_threads_at_most_that_many_at_once() {
        let pool = Arc::new(HashPool::new(2));
        let running = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let most = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..8 {
            let (pool, running, most) = (pool.clone(), running.clone(), most.clone());
            tasks.push(tokio::spawn(async move {
                pool.run(move || {
                    use std::sync::atomic::Ordering::SeqCst;
                    let now = running.fetch_add(1, SeqCst) + 1;
                    most.fetch_max(now, SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    running.fetch_sub(1, SeqCst);
                    std::thread::current().name().map(str::to_string)
                })
                .await
                .unwrap()
            }));
        }
        for t in tasks {
            let name = t.await.unwrap().unwrap();
            assert!(name.starts_with("lookout-argon2-"), "{name}");
        }
        assert_eq!(most.load(std::sync::atomic::Ordering::SeqCst), 2);
    }
}
