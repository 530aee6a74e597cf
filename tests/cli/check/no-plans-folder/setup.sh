rmdir plans
