"""reckon.estimate"""
