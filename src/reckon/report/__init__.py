"""reckon.report"""
