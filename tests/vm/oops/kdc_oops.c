// kdc_oops.c - test module for the kdumpcheck VM harness: writing to
// /proc/kdc-oops dereferences a NULL pointer, so the kernel oopses (and, with
// kernel.panic_on_oops=1, panics into the capture kernel). Guest use only.
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>

static struct proc_dir_entry *kdc_entry;

/* Oops on purpose: a write through a NULL pointer the compiler cannot prove. */
static ssize_t kdc_oops_write(struct file *file, const char __user *buf,
			      size_t len, loff_t *pos)
{
	int *volatile target = NULL;

	pr_emerg("kdc_oops: writing through a NULL pointer now\n");
	*target = 0x6b6463;
	return len;
}

static const struct proc_ops kdc_oops_ops = {
	.proc_write = kdc_oops_write,
};

/* Create the trigger file. */
static int __init kdc_oops_init(void)
{
	kdc_entry = proc_create("kdc-oops", 0200, NULL, &kdc_oops_ops);
	return kdc_entry ? 0 : -ENOMEM;
}

/* Remove the trigger file. */
static void __exit kdc_oops_exit(void)
{
	proc_remove(kdc_entry);
}

module_init(kdc_oops_init);
module_exit(kdc_oops_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kdumpcheck VM test: oops on write to /proc/kdc-oops");
